import Foundation
import Geo

/// A file's SHA-256 (`FileDigest`) computed on another thread while the
/// file is read: at national scale the population file is about 1 GB, whose
/// digest takes seconds that reading (one thread) leaves a core free for.
final class BackgroundDigest: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once on the digest thread before `done` is signalled.
    private var result: String?

    init(path: String) {
        DispatchQueue.global(qos: .utility).async {
            self.result = FileDigest.sha256(ofFile: path)
            self.done.signal()
        }
    }

    /// The hex digest (nil: not a readable file); waits until it is known.
    var value: String? {
        done.wait()
        done.signal()
        return result
    }
}
