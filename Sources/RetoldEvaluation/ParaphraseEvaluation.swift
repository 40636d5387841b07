import RetoldCore

/// Evaluates the sentence-pair model on labelled paraphrase corpora.
public struct ParaphraseEvaluation: Sendable {
    public struct Corpus: Sendable {
        public var name: String
        public var pairs: [LabelledPair]
        public init(name: String, pairs: [LabelledPair]) { self.name = name; self.pairs = pairs }
    }

    /// One line of results: which model, scored on what, and the figures.
    public struct Result: Sendable {
        public var setting: String
        public var corpus: String
        public var metrics: BinaryMetrics
    }

    public var folds: Int
    public var trainer: LogisticTrainer

    public init(folds: Int = 10, trainer: LogisticTrainer = LogisticTrainer()) {
        self.folds = folds
        self.trainer = trainer
    }

    /// Feature rows of a corpus, each sentence analyzed as the product analyzes any text. With
    /// `embed` (a sentence encoder over a list of sentences), each row ends with the cosine of
    /// the pair's two vectors.
    public static func features(_ pairs: [LabelledPair], embed: (([String]) -> [[Float]])? = nil) -> [[Double]] {
        var analyzer = TextAnalyzer()
        var rows = pairs.map { pair in
            let a = analyzer.analyze(pair.a), b = analyzer.analyze(pair.b)
            return SentencePairFeatures.compute(a.tokens[...], b.tokens[...])
        }
        if let embed {
            let left = embed(pairs.map(\.a)), right = embed(pairs.map(\.b))
            for k in rows.indices {
                var cosine: Float = 0
                for d in 0..<min(left[k].count, right[k].count) { cosine += left[k][d] * right[k][d] }
                rows[k].append(Double(cosine))
            }
        }
        return rows
    }

    /// Cross-validated figures: within each corpus; with two or more corpora, also trained on
    /// one and tested on each other, and jointly (folds over the union, scored per corpus).
    /// With `embed`, the model also reads the encoder's cosine of each pair.
    public func crossValidated(_ corpora: [Corpus], embed: (([String]) -> [[Float]])? = nil) -> [Result] {
        let rows = corpora.map { Self.features($0.pairs, embed: embed) }
        let labels = corpora.map { $0.pairs.map(\.label) }
        var results: [Result] = []
        for (k, corpus) in corpora.enumerated() {
            results.append(Result(setting: "\(folds)-fold CV within \(corpus.name)", corpus: corpus.name,
                                  metrics: CrossValidation.run(rows: rows[k], labels: labels[k], folds: folds, trainer: trainer)))
        }
        guard corpora.count > 1 else { return results }
        for (k, train) in corpora.enumerated() {
            let model = trainer.fit(rows[k], labels: labels[k])
            for (t, test) in corpora.enumerated() where t != k {
                results.append(Result(setting: "trained on \(train.name)", corpus: test.name,
                                      metrics: CrossValidation.test(model, rows: rows[t], labels: labels[t])))
            }
        }
        // Joint: the shipped model's recipe, fitted on all corpora, scored on held-out folds.
        let allRows = rows.flatMap { $0 }, allLabels = labels.flatMap { $0 }
        var owner: [Int] = []
        for (k, r) in rows.enumerated() { owner += Array(repeating: k, count: r.count) }
        let assignment = CrossValidation.folds(count: allRows.count, folds: folds)
        var perCorpus = [BinaryMetrics](repeating: BinaryMetrics(), count: corpora.count)
        for fold in 0..<folds {
            var trainRows: [[Double]] = [], trainLabels: [Bool] = []
            for i in allRows.indices where assignment[i] != fold { trainRows.append(allRows[i]); trainLabels.append(allLabels[i]) }
            let model = trainer.fit(trainRows, labels: trainLabels)
            for i in allRows.indices where assignment[i] == fold {
                perCorpus[owner[i]].add(predicted: model.probability(allRows[i]) >= 0.5, actual: allLabels[i])
            }
        }
        for (k, corpus) in corpora.enumerated() {
            results.append(Result(setting: "\(folds)-fold CV, joint model", corpus: corpus.name, metrics: perCorpus[k]))
        }
        return results
    }

    /// Figures of a fixed model (the shipped one by default): for held-out test sets.
    public static func fixed(_ corpus: Corpus, model: LogisticModel = SentencePairScorer.shippedModel) -> Result {
        let rows = features(corpus.pairs)
        return Result(setting: "shipped model", corpus: corpus.name,
                      metrics: CrossValidation.test(model, rows: rows, labels: corpus.pairs.map(\.label)))
    }

    /// Figures of the whole `compare` pipeline: a pair counts as positive when Retold reports
    /// any reuse relationship (verbatim, edited or paraphrase) between the two sentences.
    public static func pipeline(_ corpus: Corpus, comparer: Comparer = Comparer()) -> Result {
        var analyzer = TextAnalyzer()
        var metrics = BinaryMetrics()
        for pair in corpus.pairs {
            let comparison = comparer.compare(analyzer.analyze(pair.a), analyzer.analyze(pair.b))
            metrics.add(predicted: comparison.relationship.isReuse, actual: pair.label)
        }
        return Result(setting: "compare pipeline", corpus: corpus.name, metrics: metrics)
    }

    /// Fits the model on all corpora: what `SentencePairScorer.shippedModel` holds.
    public func fit(_ corpora: [Corpus]) -> LogisticModel {
        trainer.fit(corpora.flatMap { Self.features($0.pairs) }, labels: corpora.flatMap { $0.pairs.map(\.label) })
    }

    /// Swift source for a model, to paste into `ShippedModel.swift`.
    public static func swiftSource(_ model: LogisticModel, trainedOn: [Corpus]) -> String {
        func list(_ values: [Double]) -> String { values.map { "\($0)" }.joined(separator: ", ") }
        let corpora = trainedOn.map { "\($0.name) (\($0.pairs.count) pairs)" }.joined(separator: " + ")
        return """
        // Generated by `retold eval paraphrase --emit-model`: logistic regression fitted on \(corpora).
        // Features, in order: \(SentencePairFeatures.names.joined(separator: ", ")).
        extension SentencePairScorer {
            public static let shippedModel = LogisticModel(
                means: [\(list(model.means))],
                scales: [\(list(model.scales))],
                weights: [\(list(model.weights))],
                bias: \(model.bias)
            )
        }

        """
    }
}
