/// One legend section: a title that names the unit, and its entries.
struct Legend {
    enum Symbol {
        case fill(String)
        case hatch
        case diamond(String)
        case circle(fill: String, radius: Double)
        case line(String, dash: String?)
    }

    struct Entry {
        var symbol: Symbol
        var label: String
    }

    var title: String
    var entries: [Entry]
}
