import RetoldCore

/// Labelled document pairs drawn from wire clusters, with the derivation evidence of each.
///
/// The labels are relative to each cluster's wire text, so every wire-to-document pair carries
/// a full relationship. Further pairs follow from the labels without new judgement: two copies
/// of one wire story reuse a common source; a copy against an independent report of the same
/// event is not reuse (same event), and against an unrelated item, unrelated. Pairs between two
/// independent reports are left out: one may copy the other, which no label says.
public struct RelationshipPairs: Sendable {
    public struct Pair: Sendable {
        /// Index of the cluster (the story): cross-validation never splits one.
        public var cluster: Int
        public var a: String, b: String
        /// Reuse or not: known for every pair.
        public var isReuse: Bool
        /// The full relationship, where the labels give it.
        public var relationship: Relationship?
        /// True for the wire text against a labelled document: the pairs the figures are about.
        public var fromWire: Bool
        public var features: [Double]
        public var evidence: DerivationEvidence
    }

    public var pairs: [Pair]
    public var clusterNames: [String]

    public static func relationship(_ label: WireClusterCorpus.Label) -> Relationship? {
        switch label {
        case .wireOriginal: nil
        case .verbatimCopy: .verbatimCopy
        case .editedCopy: .editedCopy
        case .paraphrase: .paraphrase
        case .sameEvent: .sameEvent
        case .unrelated: .unrelated
        }
    }

    /// Aligns every pair (without the change checks) and measures its evidence. With
    /// `extraPairs`, training also gets the pairs the labels imply. With `embed` (a sentence
    /// encoder over a document's ``Document/sentenceTexts``), every comparison gets sentence
    /// vectors, each document embedded once.
    public init(_ corpus: WireClusterCorpus, comparer: Comparer = Comparer(), extraPairs: Bool = true,
                embed: ((Document) -> [[Float]])? = nil) {
        var comparer = comparer
        comparer.findsChanges = false
        var analyzer = TextAnalyzer()
        var result: [(Int, String, String, Bool, Relationship?, Bool)] = []
        var documents: [String: Document] = [:]
        for (c, cluster) in corpus.clusters.enumerated() {
            guard let wire = cluster.wire else { continue }
            for document in cluster.documents { documents[document.id] = analyzer.analyze(document.text) }
            let others = cluster.documents.filter { $0.label != .wireOriginal }
            for document in others {
                let relationship = Self.relationship(document.label)!
                result.append((c, wire.id, document.id, relationship.isReuse, relationship, true))
            }
            guard extraPairs else { continue }
            let copies = others.filter { $0.label.isFamily }
            for (i, first) in copies.enumerated() {
                for second in copies[(i + 1)...] { result.append((c, first.id, second.id, true, nil, false)) }
                for other in others where !other.label.isFamily {
                    result.append((c, first.id, other.id, false, Self.relationship(other.label), false))
                }
            }
        }
        var vectors: [String: [[Float]]] = [:]
        if let embed {
            for (id, document) in documents.sorted(by: { $0.key < $1.key }) { vectors[id] = embed(document) }
        }
        pairs = result.map { cluster, a, b, isReuse, relationship, fromWire in
            let embeddings = embed == nil ? nil : SentenceEmbeddings(a: vectors[a]!, b: vectors[b]!)
            let comparison = comparer.compare(documents[a]!, documents[b]!, embeddings: embeddings)
            return Pair(cluster: cluster, a: a, b: b, isReuse: isReuse, relationship: relationship, fromWire: fromWire,
                        features: comparison.evidence.features, evidence: comparison.evidence)
        }
        clusterNames = corpus.clusters.map(\.name)
    }
}
