/// Text from inputs (names, ids, file names, warnings) made inert for
/// Markdown: HTML is written as entities, so `<script>` stays text in any
/// renderer; the inline metacharacters are backslash-escaped, so a name
/// cannot open emphasis, code, a link or image (`[`), or a table cell (`|`);
/// a leading `#`, `-`, `+`, `=`, `>` or `1.` is escaped so it cannot start a
/// heading, list or quote; line breaks become spaces.
public enum MarkdownText {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                out.append("\\")
                out.append(ch)
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(ch)
            }
        }
        if let first = out.first, "#-+=".contains(first) {
            out.insert("\\", at: out.startIndex)
        } else if let dot = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != out.startIndex,
                  out[dot] == "." || out[dot] == ")" {
            out.insert("\\", at: dot)
        }
        return out
    }
}
