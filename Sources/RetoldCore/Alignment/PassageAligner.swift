/// Finds the passages that two documents share: seed, extend, filter.
///
/// 1. Candidates: sentence pairs that share weighted content words (tf-isf cosine or Dice
///    over stems), found through postings so unrelated pairs cost nothing.
/// 2. Seeds: candidates the sentence-pair model accepts, taken greedily from the most probable,
///    each sentence used once.
/// 3. Extension: a seed absorbs an unaligned neighbour sentence when the neighbour's words sit
///    in the same counterpart (two sentences rewritten as one, or one split in two).
/// 4. Passages: aligned groups that follow each other in both documents, allowing small gaps,
///    chain into passages. Spun copies reorder sentences, so passages may be short and cross.
public struct PassageAligner: Sendable {
    /// The thresholds of every step.
    public var options: AlignmentOptions
    /// The sentence-pair model that decides which candidates seed an alignment.
    public var scorer: SentencePairScorer

    /// An aligner; by default with the evaluated thresholds and the shipped sentence model.
    public init(options: AlignmentOptions = AlignmentOptions(), scorer: SentencePairScorer = SentencePairScorer()) {
        self.options = options
        self.scorer = scorer
    }

    struct Candidate {
        var a: Range<Int>, b: Range<Int>
        var cosine: Float
        var shared: Int
        var probability: Double
        /// The encoder's similarity, when sentence vectors were given (single sentences only).
        var semantic: Float = 0
    }

    /// Which sentences already belong to an alignment, on each side.
    struct Taken { var a: [Bool]; var b: [Bool] }

    struct Group {
        var a: Range<Int>, b: Range<Int>
        var cosine: Float
        var probability: Double
    }

    /// The passages `a` and `b` share, in A's order, with no findings yet (``ChangeDetector``
    /// fills them in). Empty when either document has no sentences.
    ///
    /// With `embeddings`, each sentence's closest partner in meaning is a candidate too, and a
    /// pair close enough in meaning seeds an alignment even where the two share few words (a
    /// paraphraser's rewording).
    public func align(_ a: Document, _ b: Document, embeddings: SentenceEmbeddings? = nil) -> [Passage] {
        let countA = a.sentences.count, countB = b.sentences.count
        guard countA > 0, countB > 0 else { return [] }
        let vectors = SentenceVectors(a, b)
        var candidates = findCandidates(vectors, countA: countA, countB: countB)
        if let embeddings { candidates += semanticCandidates(embeddings, vectors: vectors, existing: candidates) }
        candidates += groupCandidates(candidates, vectors: vectors, countA: countA)
        for k in candidates.indices {
            let c = candidates[k]
            candidates[k].probability = scorer.probability(tokens(a, c.a), tokens(b, c.b))
            if let embeddings, c.a.count == 1, c.b.count == 1 {
                candidates[k].semantic = embeddings.similarity(c.a.lowerBound, c.b.lowerBound)
            }
        }
        var taken = Taken(a: [Bool](repeating: false, count: countA), b: [Bool](repeating: false, count: countB))
        var groups = selectSeeds(candidates, a: a, b: b, taken: &taken)
        extend(&groups, a: a, b: b, vectors: vectors, taken: &taken)
        continueDiagonally(&groups, a: a, b: b, vectors: vectors, taken: &taken)
        let alignments = groups.map { group -> SentenceAlignment in
            let diff = WordDiff(tokens(a, group.a), tokens(b, group.b))
            return SentenceAlignment(a: group.a, b: group.b, probability: group.probability,
                                     similarity: Double(group.cosine), kind: ReuseKind(diff: diff), diff: diff)
        }
        return chain(alignments, a: a, b: b)
    }

    // MARK: - Candidates

    func findCandidates(_ vectors: SentenceVectors, countA: Int, countB: Int) -> [Candidate] {
        // Postings over B's rows: term -> (sentence, weight).
        var postings = [[(Int32, Float)]](repeating: [], count: vectors.termCount)
        for j in 0..<countB {
            let row = countA + j
            for k in vectors.terms[row].indices {
                postings[Int(vectors.terms[row][k])].append((Int32(j), vectors.weights[row][k]))
            }
        }
        var dot = [Float](repeating: 0, count: countB)
        var shared = [Int32](repeating: 0, count: countB)
        var touched = [Int]()
        var candidates = [Candidate]()
        let minimum = Float(options.candidateSimilarity)
        for i in 0..<countA {
            let terms = vectors.terms[i], weights = vectors.weights[i]
            for k in terms.indices {
                for (j, w) in postings[Int(terms[k])] {
                    let j = Int(j)
                    if shared[j] == 0 { touched.append(j) }
                    shared[j] += 1
                    dot[j] += weights[k] * w
                }
            }
            for j in touched {
                let normProduct = vectors.norms[i] * vectors.norms[countA + j]
                let cosine = normProduct > 0 ? dot[j] / normProduct : 0
                let dice = 2 * Float(shared[j]) / Float(terms.count + vectors.terms[countA + j].count)
                if max(cosine, dice) >= minimum {
                    candidates.append(Candidate(a: i..<(i + 1), b: j..<(j + 1), cosine: cosine, shared: Int(shared[j]), probability: 0))
                }
                dot[j] = 0; shared[j] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return strongest(candidates, countA: countA, countB: countB)
    }

    /// Each sentence's closest partner in meaning on the other side, when close enough and not a
    /// candidate already: rewordings that share too few weighted words for the lexical filter.
    func semanticCandidates(_ embeddings: SentenceEmbeddings, vectors: SentenceVectors, existing: [Candidate]) -> [Candidate] {
        let countA = embeddings.a.count, countB = embeddings.b.count
        let minimum = Float(options.semanticCandidateSimilarity)
        var known = Set(existing.map { $0.a.lowerBound * countB + $0.b.lowerBound })
        var bestForB = [(Float, Int)](repeating: (-1, -1), count: countB)
        var result = [Candidate]()
        func add(_ i: Int, _ j: Int) {
            guard known.insert(i * countB + j).inserted else { return }
            let cosine = vectors.cosine(i..<(i + 1), (countA + j)..<(countA + j + 1))
            let shared = Set(vectors.terms[i]).intersection(vectors.terms[countA + j]).count
            result.append(Candidate(a: i..<(i + 1), b: j..<(j + 1), cosine: cosine, shared: shared, probability: 0))
        }
        for i in 0..<countA {
            var best: Float = -1, bestJ = -1
            for j in 0..<countB {
                let s = embeddings.similarity(i, j)
                if s > best { best = s; bestJ = j }
                if s > bestForB[j].0 { bestForB[j] = (s, i) }
            }
            if bestJ >= 0, best >= minimum { add(i, bestJ) }
        }
        for j in 0..<countB where bestForB[j].1 >= 0 && bestForB[j].0 >= minimum { add(bestForB[j].1, j) }
        return result
    }

    /// The candidates among the `candidatesPerSentence` most similar partners of their A
    /// sentence or of their B sentence.
    func strongest(_ candidates: [Candidate], countA: Int, countB: Int) -> [Candidate] {
        let k = options.candidatesPerSentence
        guard candidates.count > k else { return candidates }
        var keep = [Bool](repeating: false, count: candidates.count)
        for side in 0..<2 {
            var bySentence = [[Int]](repeating: [], count: side == 0 ? countA : countB)
            for (index, c) in candidates.enumerated() { bySentence[side == 0 ? c.a.lowerBound : c.b.lowerBound].append(index) }
            for indexes in bySentence where !indexes.isEmpty {
                let ranked = indexes.count <= k ? indexes : indexes.sorted {
                    (candidates[$0].cosine, -$0) > (candidates[$1].cosine, -$1)
                }.prefix(k).map { $0 }
                for index in ranked { keep[index] = true }
            }
        }
        return candidates.indices.filter { keep[$0] }.map { candidates[$0] }
    }

    /// Split and merged sentences: where one sentence of a side is a candidate for several
    /// consecutive sentences of the other, the run is tried as one counterpart.
    func groupCandidates(_ singles: [Candidate], vectors: SentenceVectors, countA: Int) -> [Candidate] {
        var result = [Candidate]()
        for onA in [true, false] {
            // Partners of each sentence on the fixed side, by the other side's index.
            var partners: [Int: [Int: Candidate]] = [:]
            for c in singles {
                if onA { partners[c.a.lowerBound, default: [:]][c.b.lowerBound] = c }
                else { partners[c.b.lowerBound, default: [:]][c.a.lowerBound] = c }
            }
            for (fixed, byIndex) in partners.sorted(by: { $0.key < $1.key }) where byIndex.count >= 2 {
                for start in byIndex.keys.sorted() {
                    var best = byIndex[start]!.cosine
                    var end = start + 1
                    var shared = byIndex[start]!.shared
                    while end - start < options.maxGroupSize, let next = byIndex[end] {
                        best = max(best, next.cosine)
                        shared += next.shared
                        end += 1
                        let group = start..<end
                        let cosine = onA
                            ? vectors.cosine(fixed..<(fixed + 1), (countA + start)..<(countA + end))
                            : vectors.cosine(group, (countA + fixed)..<(countA + fixed + 1))
                        // Only a run that explains the sentence better than any one part is a split.
                        guard cosine > best else { continue }
                        result.append(onA
                            ? Candidate(a: fixed..<(fixed + 1), b: group, cosine: cosine, shared: shared, probability: 0)
                            : Candidate(a: group, b: fixed..<(fixed + 1), cosine: cosine, shared: shared, probability: 0))
                    }
                }
            }
        }
        return result
    }

    // MARK: - Seeds

    func selectSeeds(_ candidates: [Candidate], a: Document, b: Document, taken: inout Taken) -> [Group] {
        // Strong pairs first, then the contextual tier; within a tier, the most probable first.
        func tier(_ c: Candidate) -> Int {
            if c.probability >= options.seedProbability && Double(c.cosine) >= options.seedSimilarity { return 2 }
            if c.probability >= options.contextualProbability && Double(c.cosine) >= options.contextualSimilarity { return 1 }
            if Double(c.semantic) >= options.semanticSeedSimilarity { return 1 }
            return 0
        }
        let ordered = candidates.filter { tier($0) > 0 }.sorted {
            (tier($0), $0.probability, $0.cosine, -$0.a.lowerBound, -$0.b.lowerBound)
                > (tier($1), $1.probability, $1.cosine, -$1.a.lowerBound, -$1.b.lowerBound)
        }
        var groups = [Group]()
        var short = [Candidate]()
        for c in ordered {
            guard c.a.allSatisfy({ !taken.a[$0] }), c.b.allSatisfy({ !taken.b[$0] }) else { continue }
            if c.shared < options.minimumSharedContentWords {
                // Short lines count only when copied word for word next to a passage ("Skip to content" alone does not).
                if tokens(a, c.a).map(\.key) == tokens(b, c.b).map(\.key) { short.append(c) }
                continue
            }
            for i in c.a { taken.a[i] = true }
            for j in c.b { taken.b[j] = true }
            groups.append(Group(a: c.a, b: c.b, cosine: c.cosine, probability: c.probability))
        }
        // Short verbatim lines adjacent (diagonally) to an accepted alignment join it.
        var attached = true
        while attached {
            attached = false
            for c in short where c.a.allSatisfy({ !taken.a[$0] }) && c.b.allSatisfy({ !taken.b[$0] }) {
                let touches = groups.contains {
                    ($0.a.upperBound == c.a.lowerBound && $0.b.upperBound == c.b.lowerBound)
                        || ($0.a.lowerBound == c.a.upperBound && $0.b.lowerBound == c.b.upperBound)
                }
                guard touches else { continue }
                for i in c.a { taken.a[i] = true }
                for j in c.b { taken.b[j] = true }
                groups.append(Group(a: c.a, b: c.b, cosine: c.cosine, probability: c.probability))
                attached = true
            }
        }
        return groups
    }

    // MARK: - Extension (merged and split sentences)

    func extend(_ groups: inout [Group], a: Document, b: Document, vectors: SentenceVectors, taken: inout Taken) {
        let countA = a.sentences.count
        for g in groups.indices {
            var grown = true
            while grown && groups[g].a.count + groups[g].b.count < options.maxGroupSize + 1 {
                grown = false
                let group = groups[g]
                // Neighbours on A's side tried against B's group, then B's against A's.
                var trials: [(a: Range<Int>, b: Range<Int>, newcomer: Int, onA: Bool)] = []
                if group.a.upperBound < countA { trials.append((group.a.lowerBound..<(group.a.upperBound + 1), group.b, group.a.upperBound, true)) }
                if group.a.lowerBound > 0 { trials.append(((group.a.lowerBound - 1)..<group.a.upperBound, group.b, group.a.lowerBound - 1, true)) }
                if group.b.upperBound < b.sentences.count { trials.append((group.a, group.b.lowerBound..<(group.b.upperBound + 1), group.b.upperBound, false)) }
                if group.b.lowerBound > 0 { trials.append((group.a, (group.b.lowerBound - 1)..<group.b.upperBound, group.b.lowerBound - 1, false)) }
                for trial in trials {
                    if trial.onA ? taken.a[trial.newcomer] : taken.b[trial.newcomer] { continue }
                    // The newcomer's words must sit in the counterpart it would merge into.
                    let newcomerRow = trial.onA ? trial.newcomer : countA + trial.newcomer
                    let counterpart = trial.onA ? (countA + group.b.lowerBound)..<(countA + group.b.upperBound) : group.a
                    guard vectors.terms[newcomerRow].count >= 2,
                          Double(vectors.containment(of: newcomerRow, in: counterpart)) >= options.mergeContainment else { continue }
                    let cosine = vectors.cosine(trial.a, (countA + trial.b.lowerBound)..<(countA + trial.b.upperBound))
                    guard cosine > group.cosine else { continue }
                    let probability = scorer.probability(tokens(a, trial.a), tokens(b, trial.b))
                    guard probability >= min(options.seedProbability, group.probability) else { continue }
                    groups[g] = Group(a: trial.a, b: trial.b, cosine: cosine, probability: probability)
                    if trial.onA { taken.a[trial.newcomer] = true } else { taken.b[trial.newcomer] = true }
                    grown = true
                    break
                }
            }
        }
    }

    // MARK: - Continuation

    func continueDiagonally(_ groups: inout [Group], a: Document, b: Document, vectors: SentenceVectors, taken: inout Taken) {
        let countA = a.sentences.count, countB = b.sentences.count
        var frontier = groups
        while !frontier.isEmpty {
            var added: [Group] = []
            for group in frontier {
                for (i, j) in [(group.a.upperBound, group.b.upperBound), (group.a.lowerBound - 1, group.b.lowerBound - 1)] {
                    guard i >= 0, j >= 0, i < countA, j < countB, !taken.a[i], !taken.b[j] else { continue }
                    let shared = vectors.sharedTerms(i, countA + j)
                    guard shared >= options.continuationSharedWords else { continue }
                    let probability = scorer.probability(tokens(a, i..<(i + 1)), tokens(b, j..<(j + 1)))
                    guard probability >= options.continuationProbability else { continue }
                    taken.a[i] = true; taken.b[j] = true
                    let cosine = vectors.cosine(i..<(i + 1), (countA + j)..<(countA + j + 1))
                    added.append(Group(a: i..<(i + 1), b: j..<(j + 1), cosine: cosine, probability: probability))
                }
            }
            groups += added
            frontier = added
        }
    }

    // MARK: - Passages

    func chain(_ alignments: [SentenceAlignment], a: Document, b: Document) -> [Passage] {
        let ordered = alignments.sorted { ($0.a.lowerBound, $0.b.lowerBound) < ($1.a.lowerBound, $1.b.lowerBound) }
        var runs: [[SentenceAlignment]] = []
        for alignment in ordered {
            if let last = runs.last?.last,
               alignment.a.lowerBound >= last.a.upperBound, alignment.a.lowerBound - last.a.upperBound <= options.maxGap,
               alignment.b.lowerBound >= last.b.upperBound, alignment.b.lowerBound - last.b.upperBound <= options.maxGap {
                runs[runs.count - 1].append(alignment)
            } else {
                runs.append([alignment])
            }
        }
        return runs.map { run in
            var weight = 0.0, similarity = 0.0, probability = 0.0
            var kindWeight: [ReuseKind: Double] = [:]
            for alignment in run {
                let length = Double(length(a, alignment.a) + length(b, alignment.b))
                weight += length
                similarity += alignment.similarity * length
                probability += alignment.probability * length
                kindWeight[alignment.kind, default: 0] += length
            }
            let kind = ReuseKind.dominant(kindWeight)
            return Passage(a: run.first!.a.lowerBound..<run.last!.a.upperBound,
                           b: run.first!.b.lowerBound..<run.last!.b.upperBound,
                           alignments: run, kind: kind,
                           similarity: similarity / max(weight, 1), probability: probability / max(weight, 1))
        }
    }

    /// Characters (normalized bytes) of a group of sentences.
    func length(_ document: Document, _ sentences: Range<Int>) -> Int {
        sentences.reduce(0) { $0 + document.sentences[$1].end - document.sentences[$1].start }
    }

    func tokens(_ document: Document, _ sentences: Range<Int>) -> ArraySlice<Token> {
        document.tokens[document.sentences[sentences.lowerBound].tokens.lowerBound..<document.sentences[sentences.upperBound - 1].tokens.upperBound]
    }
}
