import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG with XMLParser and records every element's attributes by id,
/// the ids and classes seen and the text content of each id'd group.
final class SVGDocumentProbe: NSObject, XMLParserDelegate {
    private(set) var attributesByID: [String: [String: String]] = [:]
    private(set) var textByID: [String: String] = [:]
    private(set) var elementCount: [String: Int] = [:]
    private(set) var parseError: Error?
    private var openIDs: [String?] = []

    init(svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() { parseError = parser.parserError ?? NSError(domain: "xml", code: 1) }
    }

    var ids: Set<String> { Set(attributesByID.keys) }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elementCount[name, default: 0] += 1
        let id = attributes["id"]
        if let id { attributesByID[id] = attributes }
        openIDs.append(id)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        openIDs.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        for id in openIDs.compactMap({ $0 }) { textByID[id, default: ""] += string + " " }
    }
}
