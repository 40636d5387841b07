/// Place names that stand for a country in news copy: the country's names, its capital
/// ("Seoul wants ..." means South Korea), its ISO codes, and the abbreviations wire copy uses.
///
/// The country list is generated from GeoNames data (`Gazetteer+Countries.swift`); the news
/// abbreviations below are the few that no gazetteer carries.
public enum Gazetteer {
    /// Abbreviations and short forms of wire copy, by the country they name.
    static let newsForms: [(String, String)] = [
        ("u.s.", "United States"), ("us", "United States"), ("usa", "United States"), ("america", "United States"),
        ("u.k.", "United Kingdom"), ("uk", "United Kingdom"), ("britain", "United Kingdom"), ("great britain", "United Kingdom"),
        ("n. korea", "North Korea"), ("n korea", "North Korea"), ("s. korea", "South Korea"), ("s korea", "South Korea"),
        ("dprk", "North Korea"), ("rok", "South Korea"), ("u.n.", "United Nations"), ("un", "United Nations"),
        ("white house", "United States"), ("kremlin", "Russia"), ("beijing", "China"), ("the north", "North Korea"),
    ]

    static let index: [String: String] = {
        var index: [String: String] = [:]
        // ISO codes are left out: "CAN" and "AND" are words first.
        for (country, capital, _, _) in countries {
            index[country.lowercased()] = country
            if !capital.isEmpty, index[capital.lowercased()] == nil { index[capital.lowercased()] = country }
        }
        for (form, country) in newsForms { index[form] = country }
        return index
    }()

    /// The country a lowercase place name stands for, if any.
    public static func country(_ lowercaseName: String) -> String? {
        index[lowercaseName]
    }
}
