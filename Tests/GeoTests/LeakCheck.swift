import Foundation
import XCTest

/// Leak checking for `scripts/sanitize.sh asan`. LeakSanitizer's own check at
/// exit sees XCTest's test-case tree as leaked (XCTest lets go of it only as
/// the process ends), so the script turns that check off
/// (`leak_check_at_exit=0`) and this observer runs one check after the last
/// test, while XCTest still holds its objects: what LSan reports then is
/// memory nobody can reach — a leaked GEOS, PROJ or GDAL object, or a Swift
/// owner that was never released. Outside an ASan build it does nothing.
enum LeakCheck {
    private typealias Check = @convention(c) () -> Int32

    /// Installs the observer once; called from the interop suites' `setUp`.
    static let install: Void = {
        // RTLD_DEFAULT (NULL): the sanitizer runtime is linked into the test binary.
        guard let symbol = dlsym(nil, "__lsan_do_recoverable_leak_check") else { return }
        XCTestObservationCenter.shared.addTestObserver(Observer(check: unsafeBitCast(symbol, to: Check.self)))
    }()

    private final class Observer: NSObject, XCTestObservation {
        let check: Check
        init(check: Check) { self.check = check }

        func testBundleDidFinish(_ testBundle: Bundle) {
            // Silent when clean: the runner's closing line stays the last line.
            guard check() != 0 else { return }
            print("LeakSanitizer: memory leaked during the tests (report above)")
            fflush(nil)
            exit(1)
        }
    }
}
