import Foundation

/// A duration as `run.json` records it: seconds to the millisecond.
func recordedSeconds(_ seconds: TimeInterval) -> Double {
    (seconds * 1000).rounded() / 1000
}

/// The time since `start`, as `recordedSeconds`.
func recordedSeconds(since start: Date) -> Double {
    recordedSeconds(Date().timeIntervalSince(start))
}
