/// The Snowball English stop word list.
///
/// Source: the Snowball project's `algorithms/english/stop.txt`
/// (https://snowballstem.org/algorithms/english/stop.txt, in the snowballstem/snowball-website
/// repository), distributed under the Snowball project's 3-clause BSD licence (Copyright (c)
/// 2001, Dr Martin Porter, and later contributors). The 174 words below are every word that
/// file lists at the start of a line, in the file's order; the forms it comments out (us, will,
/// shall, can, may, might, must, daren't, needn't, oughtn't, mightn't, and the "commonest
/// words" appendix) are left out, as the file intends.
///
/// Words are lowercase with the ASCII apostrophe ("isn't"), the form the tokenizer produces.
public enum EnglishStopwords {
    /// True when the lowercase word whose UTF-8 bytes hash to `hash` (with `StableHash.fnv1a`)
    /// is a stopword.
    public static func contains(hash: UInt64) -> Bool {
        hashes.contains(hash)
    }

    /// True when the lowercase word is a stopword (the non-hot-path form of ``contains(hash:)``).
    public static func contains(_ word: String) -> Bool {
        wordSet.contains(word)
    }

    /// The FNV-1a hashes of `words`, built once.
    static let hashes: Set<UInt64> = Set(words.map { StableHash.fnv1a($0) })

    static let wordSet: Set<String> = Set(words)

    /// The words, in the published list's order.
    public static let words: [String] = [
        // Pronouns
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
        "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself",
        "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which",
        "who", "whom", "this", "that", "these", "those",
        // Verb forms: be, have, do
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having",
        "do", "does", "did", "doing",
        // Auxiliaries kept by the list
        "would", "should", "could", "ought",
        // Compound forms: pronoun + verb
        "i'm", "you're", "he's", "she's", "it's", "we're", "they're", "i've", "you've", "we've",
        "they've", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd", "i'll", "you'll", "he'll",
        "she'll", "we'll", "they'll",
        // Verb + negation
        "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't",
        "didn't",
        // Auxiliary + negation
        "won't", "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't", "mustn't",
        // Miscellaneous forms
        "let's", "that's", "who's", "what's", "here's", "there's", "when's", "where's", "why's",
        "how's",
        // Articles
        "a", "an", "the",
        // The rest
        "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for",
        "with", "about", "against", "between", "into", "through", "during", "before", "after",
        "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under",
        "again", "further", "then", "once", "here", "there", "when", "where", "why", "how", "all",
        "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not",
        "only", "own", "same", "so", "than", "too", "very",
    ]
}
