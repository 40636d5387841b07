/// Words that end with a period without ending a sentence, as they occur in English news copy.
enum AbbreviationLists {
    enum Kind {
        /// Never ends a sentence: "Mr. Moon", "Gen. Smith".
        case title
        /// Runs on before a number ("Sept. 12", "No. 3"), may end a sentence otherwise.
        case beforeNumber
        /// Often ends a sentence ("Apple Inc. said" / "... Apple Inc. The"): breaks before a sentence starter.
        case ending
    }

    static func classify(_ word: String) -> Kind? {
        if titles.contains(word) { return .title }
        if beforeNumber.contains(word) { return .beforeNumber }
        if endings.contains(word) { return .ending }
        return nil
    }

    static let titles: Set<String> = [
        "mr", "mrs", "ms", "messrs", "mmes", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "govs", "gen",
        "lt", "col", "maj", "capt", "cpt", "cmdr", "adm", "sgt", "cpl", "pvt", "brig", "supt", "insp", "det",
        "rev", "fr", "sr", "sra", "srta", "hon", "pres", "amb", "atty", "gens", "st", "ste", "mt", "ft", "pt",
        "vs", "v", "cf", "viz", "e.g", "i.e",
    ]
    static let beforeNumber: Set<String> = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "nos", "art", "sec", "ch", "vol", "pp", "p", "fig", "figs", "para", "ed", "rt", "hwy",
    ]
    static let endings: Set<String> = [
        "inc", "corp", "co", "ltd", "llc", "plc", "bros", "jr", "etc", "al", "dept", "univ", "assn",
        "ave", "blvd", "rd", "approx", "est", "govt", "intl", "natl", "mfg", "u.s", "u.k", "u.n", "a.m", "p.m",
    ]

    /// Capitalized words that commonly open a sentence: after an ambiguous period, one of these
    /// means the period ended the sentence.
    static let sentenceStarters: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "in", "on", "at",
        "this", "that", "these", "those", "there", "his", "her", "its", "their", "our", "my", "if", "when",
        "while", "after", "before", "as", "for", "so", "yet", "however", "meanwhile", "some", "many", "most",
        "one", "no", "not", "what", "who", "why", "how", "where", "both", "all", "each", "since", "although",
        "though", "still", "also", "officials", "experts", "according", "despite", "under", "with", "from",
        "by", "to", "of", "last", "earlier", "later", "then", "now", "today", "yesterday", "mr", "mrs", "ms",
    ]
}
