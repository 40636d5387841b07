/// Text made safe to place in HTML, as element content or inside a quoted attribute value: the
/// five characters markup gives meaning to become character references, everything else stays.
enum HTMLEscaping {
    static func escape(_ text: some StringProtocol) -> String {
        escape(scalars: text.unicodeScalars)
    }

    static func escape(scalars: some Sequence<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
