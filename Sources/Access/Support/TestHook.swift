import Foundation

/// A pause for the crash-safety tests: with `BEREIK_TEST_PAUSE=<stage>:<seconds>`
/// in the environment, the run sleeps when it reaches that stage, so a test
/// can send SIGKILL/SIGINT at a known moment. Stages: `render` (inside map
/// rendering, after the SVG maps are written into the staging folder) and
/// `commit` (everything staged, just before the output folder is replaced).
/// Without the variable this does nothing.
public enum TestHook {
    public static func pause(_ stage: String) {
        guard let spec = ProcessInfo.processInfo.environment["BEREIK_TEST_PAUSE"] else { return }
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0] == stage, let seconds = Double(parts[1]), seconds > 0, seconds <= 600 else { return }
        Thread.sleep(forTimeInterval: seconds)
    }
}
