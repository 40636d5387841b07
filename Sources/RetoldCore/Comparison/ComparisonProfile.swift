/// What comparing needs of one document on its own, whatever it is compared with: its quoted
/// words, body sentences, word n-gram sets, anchor words and content stems.
///
/// A search compares one query with many candidates, and link building one document with
/// each of its candidates; measuring the query once, not once per candidate, takes about a
/// quarter off each comparison. Made with `asSource`, a profile also holds the lookup tables the
/// A side of a comparison reads (the copied-run seeds and the loose sentence postings), which a
/// candidate on the B side never needs.
public struct ComparisonProfile: Sendable {
    public let document: Document
    let quoted: QuotedWords
    /// Whether each sentence is a body sentence (``DerivationEvidence/bodySentences(_:)``).
    let body: [Bool]
    /// Distinct word-bigram hashes, sorted.
    let bigrams: [UInt64]
    /// Distinct hashes of trigrams of ordinary words, sorted.
    let ordinaryTrigrams: [UInt64]
    /// Maximal runs of names and numbers, and each anchor word's count.
    let anchorRuns: [Range<Int>]
    let anchorWords: [UInt64: Int]
    /// Token index of each anchor word's first mention.
    let firstMentions: [UInt64: Int]
    let contentStems: Set<UInt64>
    /// Each body sentence's distinct content stems, sorted; empty for other sentences.
    let looseRows: [[UInt64]]
    /// The A side's tables, when made `asSource`.
    let source: Source?

    struct Source: Sendable {
        let seeds: CopiedRun.SeedTable
        let loose: FactOrder.LooseIndex
    }

    /// Measures `document`; `asSource` adds the tables it needs as the A side of comparisons.
    public init(_ document: Document, asSource: Bool = true) {
        self.document = document
        quoted = QuotedWords(document)
        body = DerivationEvidence.bodySentences(document)
        bigrams = DerivationEvidence.bigrams(document)
        ordinaryTrigrams = DerivationEvidence.ordinaryTrigrams(document, quoted)
        anchorRuns = SharedAnchors.anchorRuns(document)
        var counts: [UInt64: Int] = [:], first: [UInt64: Int] = [:]
        for run in anchorRuns {
            for t in run {
                let key = document.tokens[t].key
                counts[key, default: 0] += 1
                if first[key] == nil { first[key] = t }
            }
        }
        anchorWords = counts
        firstMentions = first
        contentStems = Set(document.tokens.lazy.filter(\.isContent).map(\.stem))
        let body = self.body
        looseRows = document.sentences.indices.map { body[$0] ? FactOrder.stems(document, $0) : [] }
        source = asSource ? Source(seeds: CopiedRun.SeedTable(document), loose: FactOrder.LooseIndex(looseRows, body: body)) : nil
    }

    /// The A side's tables: this profile's own, or made now for a profile made without them.
    var sourceTables: Source {
        source ?? Source(seeds: CopiedRun.SeedTable(document), loose: FactOrder.LooseIndex(looseRows, body: body))
    }
}
