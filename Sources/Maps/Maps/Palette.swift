import Access

/// Colour-blind-safe colours. Categorical: Okabe & Ito (2008). Sequential:
/// samples of viridis (light = near/good, dark = far/poor).
enum Palette {
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let bluishGreen = "#009E73"
    static let yellow = "#F0E442"
    static let blue = "#0072B2"
    static let vermillion = "#D55E00"
    static let reddishPurple = "#CC79A7"
    static let grey = "#999999"

    /// Viridis, light to dark, for `n` ordered classes (3 to 5).
    static func sequential(_ n: Int) -> [String] {
        switch n {
        case ...3: return ["#fde725", "#21918c", "#440154"]
        case 4: return ["#fde725", "#35b779", "#31688e", "#440154"]
        default: return ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"]
        }
    }

    static let background = "#f4f4f0"
    static let regionNeutral = "#e6e6e0"
    static let outline = "#555555"

    static func practiceStatus(_ status: PracticeStatus) -> String {
        switch status {
        case .open: return bluishGreen
        case .partial: return orange
        case .closed: return vermillion
        case .unknown: return grey
        }
    }

    /// A `status` as read from practices.geojson, in any case; any other word is unknown.
    static func practiceStatus(written status: String) -> String {
        practiceStatus(PracticeStatus(rawValue: status.lowercased()) ?? .unknown)
    }

    /// The verdicts drawn in a colour of their own (room unknown is grey, as no verdict).
    static let verdicts: [SiteCheck.Verdict] = [.served, .strained, .notServed]

    static func verdict(_ verdict: SiteCheck.Verdict?) -> String {
        switch verdict {
        case .served: return bluishGreen
        case .strained: return orange
        case .notServed: return vermillion
        case .roomUnknown, nil: return grey
        }
    }

    /// A `verdict` as read from sites.*, in any case, `_` for a space.
    static func verdict(written verdict: String) -> String {
        self.verdict(SiteCheck.Verdict(rawValue: verdict.lowercased().replacingOccurrences(of: "_", with: " ")))
    }
}
