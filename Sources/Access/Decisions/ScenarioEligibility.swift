import Foundation

/// Postcode lists in a scenario's changes (issue 13).
enum ScenarioEligibility {
    /// The postcodes of a list written in a changes file, or a named error.
    ///
    /// INTERIM: eliginput's `PostcodeSet.parse` (Input/EligibilityList.swift)
    /// is the one reader of postcode lists; when it is on main this body
    /// becomes `try PostcodeSet.parse(text)` with its `PostcodeListError`
    /// mapped to `ScenarioError.badChange`. Until then a minimal reader:
    /// PC4 codes, PC4 ranges `9401-9405` and PC6 codes `9401AB`, separated by
    /// `;` or `,`.
    static func postcodes(_ text: String, source: String) throws -> PostcodeSet {
        var ranges: [ClosedRange<Int>] = [], pc6: Set<Postcode> = []
        func fail(_ piece: String, _ problem: String) -> ScenarioError {
            .badChange(source: source, detail: "postcode list '\(text)': \(problem): '\(piece)' (expected e.g. '9401-9405; 9411' or '9401AB, 9402')")
        }
        let pieces = text.split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !pieces.isEmpty else { throw fail(text, "the list is empty") }
        for piece in pieces {
            let ends = piece.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if ends.count == 2 {
                guard let a = Postcode(text: ends[0]), let b = Postcode(text: ends[1]), !a.isPC6, !b.isPC6 else {
                    throw fail(piece, "a range runs between two four-digit postcodes")
                }
                guard a.pc4 <= b.pc4 else { throw fail(piece, "the range runs backwards") }
                ranges.append(a.pc4...b.pc4)
            } else if ends.count == 1, let code = Postcode(text: piece) {
                if code.isPC6 { pc6.insert(code) } else { ranges.append(code.pc4...code.pc4) }
            } else {
                throw fail(piece, "not a postcode (four digits, optionally two letters)")
            }
        }
        return PostcodeSet(pc4Ranges: ranges, pc6: pc6)
    }
}
