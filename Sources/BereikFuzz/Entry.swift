import Foundation
#if BEREIK_LIBFUZZER
import CFuzzerDriver
#endif

#if BEREIK_LIBFUZZER
/// libFuzzer's callback. The fuzzer runtime's own `main` refers to it too, so
/// it is exported under its C name whichever `main` the linker keeps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzInput.run(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}
#endif

/// Built by `scripts/fuzz.sh` with `-sanitize=fuzzer,address -D BEREIK_LIBFUZZER`:
/// hands control to libFuzzer's driver (SwiftPM makes this `main` the
/// program's entry, so libFuzzer's own `main` is not used). A plain build
/// replays the files or folders given on the command line (the seed corpus,
/// or a crash file a fuzzing run left) through the same entry; exit 0 means
/// no input trapped.
@main
struct FuzzMain {
    static func main() throws {
        #if BEREIK_LIBFUZZER
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzTestOneInput(data, size) })
        #else
        try replay(Array(CommandLine.arguments.dropFirst()))
        #endif
    }

    static func replay(_ arguments: [String]) throws {
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: bereik-fuzz FILE-OR-FOLDER...\n".utf8))
            exit(2)
        }
        var files: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("bereik-fuzz: \(argument): no such file\n".utf8))
                exit(2)
            }
            if isFolder.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: argument).sorted()
                files += names.map { argument + "/" + $0 }
            } else {
                files.append(argument)
            }
        }
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            data.withUnsafeBytes { FuzzInput.run($0) }
        }
        print("bereik-fuzz: \(files.count) inputs replayed, none trapped")
    }
}
