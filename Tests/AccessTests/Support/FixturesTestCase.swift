import XCTest

/// A suite whose every test writes its inputs with fresh `Fixtures` (`f`),
/// whose folder goes away after the test.
class FixturesTestCase: XCTestCase {
    var f: Fixtures!

    override func setUpWithError() throws { f = try Fixtures() }
    override func tearDown() { f = nil }
}
