import Foundation
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `bereik serve` started as a user would, on a free loopback port.
final class ServedProcess: @unchecked Sendable {
    let process = Process()
    let base: String
    private let output = OutputBuffer()
    private let errorOutput = OutputBuffer()

    static func executable() throws -> URL {
        for config in ["debug", "release"] {
            let candidate = ServerFixture.packageRoot.appendingPathComponent(".build/\(config)/bereik")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw XCTSkip("bereik executable not built")
    }

    init(arguments: [String] = []) throws {
        process.executableURL = try Self.executable()
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = ServerFixture.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let buffer = output, errors = errorOutput
        out.fileHandleForReading.readabilityHandler = { h in buffer.append(h.availableData) }
        err.fileHandleForReading.readabilityHandler = { h in errors.append(h.availableData) }
        try process.run()
        let deadline = Date().addingTimeInterval(600)
        var url: String?
        while url == nil && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.1)
            if let r = buffer.text.range(of: #"http://127\.0\.0\.[0-9]+:[0-9]+/"#, options: .regularExpression) { url = String(buffer.text[r]) }
        }
        guard let url else {
            process.terminate()
            throw NSError(domain: "serve", code: 1, userInfo: [NSLocalizedDescriptionKey: "no URL printed: \(buffer.text)"])
        }
        base = String(url.dropLast())
    }

    var stdout: String { output.text }
    var stderr: String { errorOutput.text }

    /// Sends SIGTERM and waits for the exit status.
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct Reply {
        var status: Int
        var body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    func request(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) throws -> Reply {
        var r = URLRequest(url: URL(string: base + path)!)
        r.httpMethod = method
        r.httpBody = body
        r.timeoutInterval = 120
        for (k, v) in headers { r.setValue(v, forHTTPHeaderField: k) }
        if body != nil { r.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        let done = DispatchSemaphore(value: 0)
        let box = ReplyBox()
        URLSession.shared.dataTask(with: r) { data, response, error in
            box.reply = (data, (response as? HTTPURLResponse)?.statusCode, error)
            done.signal()
        }.resume()
        done.wait()
        if let e = box.reply.2 { throw e }
        return Reply(status: box.reply.1 ?? 0, body: box.reply.0 ?? Data())
    }
}

private final class ReplyBox: @unchecked Sendable { var reply: (Data?, Int?, Error?) = (nil, nil, nil) }

private final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ d: Data) { lock.lock(); data.append(d); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
}

/// Runs the CLI and returns its status and output.
func runCLI(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = try ServedProcess.executable()
    p.arguments = arguments
    p.currentDirectoryURL = ServerFixture.packageRoot
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A CSV written by the CLI (GDAL's CSV driver: comma, double quotes) as rows of field → text.
func readCSV(_ path: String) throws -> [[String: String]] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var rows: [[String]] = [[]], field = "", quoted = false
    var it = Array(text).makeIterator()
    var pending: Character? = nil
    while let c = pending ?? it.next() {
        pending = nil
        if quoted {
            if c == "\"" {
                if let n = it.next() { if n == "\"" { field.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
            } else { field.append(c) }
        } else if c == "\"" { quoted = true }
        else if c == "," { rows[rows.count - 1].append(field); field = "" }
        else if c == "\n" || c == "\r\n" { rows[rows.count - 1].append(field); field = ""; rows.append([]) }
        else if c != "\r" { field.append(c) }
    }
    if !field.isEmpty || !(rows.last ?? []).isEmpty { rows[rows.count - 1].append(field) }
    rows = rows.filter { !$0.isEmpty }
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}

/// Compares one JSON answer row with the CLI's CSV row, every field of the CSV.
func assertSameRow(_ json: [String: Any], _ csv: [String: String], _ context: String, file: StaticString = #filePath, line: UInt = #line) {
    for (key, text) in csv {
        let value = json[key]
        if value == nil { XCTFail("\(context): answer lacks \(key)", file: file, line: line); continue }
        if value is NSNull { XCTAssertEqual(text, "", "\(context): \(key)", file: file, line: line); continue }
        if let b = value as? Bool, ["true", "false"].contains(text) || text == "1" || text == "0" {
            XCTAssertEqual(b, text == "true" || text == "1", "\(context): \(key)", file: file, line: line); continue
        }
        if let n = value as? NSNumber, let d = Double(text) {
            XCTAssertEqual(n.doubleValue, d, accuracy: 1e-9 * max(1, abs(d)), "\(context): \(key)", file: file, line: line); continue
        }
        XCTAssertEqual("\(value!)", text, "\(context): \(key)", file: file, line: line)
    }
}
