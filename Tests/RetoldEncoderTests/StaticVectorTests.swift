import Foundation
import Testing
@testable import RetoldEncoder

/// The static table's file, principal components, and static sentence vectors, on made-up data.
@Suite struct StaticVectorTests {
    static let table = StaticTable(rows: 3, dimensions: 2, vectors: [1, 2, -0.5, 0.25, 3, -4], weights: [0, 1.5, 2])

    @Test func aTableSurvivesItsFileUnchanged() throws {
        let bytes = Self.table.encoded()
        #expect(bytes.count == 32 + 4 * (3 * 2 + 3))
        #expect(Array(bytes.prefix(8)) == Array("RTSTATIC".utf8))
        #expect(try StaticTable(bytes: bytes, path: "t") == Self.table)

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("static-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.table.write(to: url)
        #expect(try StaticTable(contentsOf: url) == Self.table)
    }

    @Test func aCorruptOrTruncatedTableIsRefused() {
        let bytes = Self.table.encoded()
        var flipped = bytes
        flipped[40] ^= 0x01  // one bit of a vector
        #expect(throws: EncoderError.badFile(path: "t", reason: "checksum mismatch: the file is corrupt")) {
            try StaticTable(bytes: flipped, path: "t")
        }
        #expect(throws: EncoderError.badFile(path: "t", reason: "truncated: 63 bytes, not 68")) {
            try StaticTable(bytes: bytes.prefix(63), path: "t")
        }
        #expect(throws: EncoderError.badFile(path: "t", reason: "truncated: 20 bytes, shorter than the header")) {
            try StaticTable(bytes: bytes.prefix(20), path: "t")
        }
        var other = bytes
        other[0] = UInt8(ascii: "X")
        #expect(throws: EncoderError.badFile(path: "t", reason: "not a static vector table")) { try StaticTable(bytes: other, path: "t") }
        var newer = bytes
        newer[8] = 2
        #expect(throws: EncoderError.badFile(path: "t", reason: "static table format 2, not 1")) { try StaticTable(bytes: newer, path: "t") }
    }

    @Test func eigenvaluesOfSmallSymmetricMatrices() {
        var solvers = [PrincipalComponents.jacobiEigen]
        #if !canImport(Accelerate)
        solvers.append { PrincipalComponents.lapackEigen($0, size: $1)! }
        #endif
        for solve in solvers {
            // [[2, 1], [1, 2]]: eigenvalues 3 and 1, the eigenvector of 3 (1, 1)/√2 up to sign.
            let (values, vectors) = solve([2, 1, 1, 2], 2)
            let large = values[0] > values[1] ? 0 : 1
            #expect(abs(values[large] - 3) < 1e-12 && abs(values[1 - large] - 1) < 1e-12)
            #expect(abs(abs(vectors[large]) - 0.5.squareRoot()) < 1e-12 && abs(vectors[large] - vectors[2 + large]) < 1e-12)
            // [[5, 0, 0], [0, 3, 4], [0, 4, -3]]: eigenvalues 5, 5 and -5.
            let spectrum = solve([5, 0, 0, 0, 3, 4, 0, 4, -3], 3).values.sorted()
            #expect(abs(spectrum[0] + 5) < 1e-12 && abs(spectrum[1] - 5) < 1e-12 && abs(spectrum[2] - 5) < 1e-12)
        }
    }

    @Test func principalComponentsOfPointsOnALine() {
        // Four points on y = 2x, mean (1.5, 3): all their variance lies along (1, 2)/√5.
        let points: [Float] = [0, 0, 1, 2, 2, 4, 3, 6]
        let pca = PrincipalComponents(points, rows: 4, dimensions: 2)
        #expect(pca.mean == [1.5, 3])
        // Deviations along x: -1.5, -0.5, 0.5, 1.5 (sum of squares 5); along the axis each is √5 times that,
        // so the variance is 5 · 5 / 3 = 25/3.
        #expect(abs(pca.variances[0] - 25.0 / 3) < 1e-9)
        #expect(abs(pca.variances[1]) < 1e-9)
        #expect(abs(pca.axes[0][0] - 1 / 5.0.squareRoot()) < 1e-12 && abs(pca.axes[0][1] - 2 / 5.0.squareRoot()) < 1e-12)
        let projected = pca.project(points, rows: 4, components: 1)
        let expected = [-1.5, -0.5, 0.5, 1.5].map { Float($0 * 5.0.squareRoot()) }
        for (value, wanted) in zip(projected, expected) { #expect(abs(value - wanted) < 1e-6) }
    }

    @Test func aStaticVectorIsTheNormalizedWeightedSumOfItsPieces() {
        let pieces = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "plant", "closed", ".", "##s"]
        let vocabulary = try! WordPieceVocabulary(lines: pieces.joined(separator: "\n") + "\n")
        // Specials weigh 0; the others' vectors and weights by hand.
        let vectors: [Float] = [9, 9, 9, 9, 9, 9, 9, 9,  // specials (ignored: weight 0)
                                1, 0,  // the
                                0, 2,  // plant
                                3, 1,  // closed
                                -1, 1,  // .
                                0.5, 0.5]  // ##s
        let weights: [Float] = [0, 0, 0, 0, 1, 2, 0.5, 2, 3]
        let encoder = StaticEncoder(tokenizer: BertTokenizer(vocabulary: vocabulary), table: StaticTable(rows: 9, dimensions: 2, vectors: vectors, weights: weights))
        // "The plants closed.": the + plant + ##s + closed + . =
        // (1, 0)·1 + (0, 2)·2 + (0.5, 0.5)·3 + (3, 1)·0.5 + (-1, 1)·2 = (2, 8), of length √68.
        let length = Float(68).squareRoot()
        let vector = encoder.vector("The plants closed.")
        #expect(abs(vector[0] - 2 / length) < 1e-7 && abs(vector[1] - 8 / length) < 1e-7)
        // Only specials (an empty text): all zeros.
        #expect(encoder.vector("") == [0, 0])
    }

    @Test func vocabularyOrderGivesTheZipfWeights() {
        let pieces = ["[PAD]", "[unused0]", "[UNK]", "[CLS]", "[SEP]", "!", "a", "the", "of", "##s"]
        let weights = StaticDistiller.weights(try! WordPieceVocabulary(lines: pieces.joined(separator: "\n") + "\n"))
        let log2 = Float(log(2.0)), log3 = Float(log(3.0)), log4 = Float(log(4.0))
        let expected: [Float] = [0, 0, 0, 0, 0, log2, log2, log2, log3, log4]
        #expect(weights.count == expected.count)
        for (weight, wanted) in zip(weights, expected) { #expect(abs(weight - wanted) < 1e-7) }
    }
}

/// The installed model's static table. Needs `retold model install` (or `retold model distill`
/// for a model installed before the table existed).
@Suite(.enabled(if: FileManager.default.fileExists(atPath: ModelDirectory.standard().staticTableURL.path),
                "no static vector table installed: run `retold model install` or `retold model distill`"))
struct InstalledStaticTableTests {
    @Test func theInstalledTableLoadsAndRanksAParaphraseAboveAnUnrelatedSentence() throws {
        let directory = ModelDirectory.standard()
        let encoder = try directory.load()
        let table = try directory.loadStaticTable(pieces: encoder.tokenizer.vocabulary.count)
        #expect(table.rows == 30_522)
        #expect(table.weights[Int(encoder.tokenizer.vocabulary.classification)] == 0)
        let cheap = StaticEncoder(tokenizer: encoder.tokenizer, table: table)
        let v = cheap.vectors(["The plant was closed on Tuesday after the fire, officials said.",
                               "Officials said the factory shut down on Tuesday following a blaze.",
                               "Stocks rose sharply in Tokyo as investors bet on a rate cut."])
        let norm = v[0].reduce(0) { $0 + $1 * $1 }
        #expect(abs(norm - 1) < 1e-5)
        #expect(SentenceEncoder.similarity(v[0], v[1]) > SentenceEncoder.similarity(v[0], v[2]) + 0.3)
    }
}
