/// One legend section: a title that names the unit, and its entries.
struct Legend {
    enum Symbol {
        case fill(String)
        case hatch
        case diamond(String)
        case circle(fill: String, radius: Double)
        /// A line sample as drawn (`width`: the stroke's width in the drawing).
        case line(String, dash: String?, width: Double = 1.5)
    }

    struct Entry {
        var symbol: Symbol
        var label: String
    }

    var title: String
    var entries: [Entry]
}
