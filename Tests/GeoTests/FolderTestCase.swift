import Foundation
import XCTest

/// An interop suite whose every test gets a fresh temporary folder (removed
/// after the test), with the leak check installed (`LeakCheck`).
class FolderTestCase: XCTestCase {
    /// The start of the folder's name in the temporary directory.
    class var folderPrefix: String { "bereik-geo" }

    var folder: String!

    override class func setUp() {
        super.setUp()
        LeakCheck.install
    }

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "\(Self.folderPrefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
