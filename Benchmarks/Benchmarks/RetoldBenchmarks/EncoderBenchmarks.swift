// The sentence encoder (all-MiniLM-L6-v2). Registered only when the model is installed
// (`retold model install`, or RETOLD_MODEL_DIR); otherwise one line says so.
//
// "encoder 32×25 tokens": one iteration encodes a batch of 32 sentences of exactly 25 tokens
// ([CLS] and [SEP] included), on one core: sentences/s = 32 × throughput.
// "tokenize 32 sentences": the tokenizer alone over the same 32 sentences as text.

import Benchmark
import Foundation
import RetoldEncoder

enum EncoderInputs {
    static let encoder: SentenceEncoder? = try? ModelDirectory.standard().load()

    /// 32 texts from the example articles' sentences (consecutive ones joined until a text has
    /// 30 words, so each has at least 25 tokens), as text and as ids cut to 25 tokens.
    static let sentences: [String] = {
        let text = Inputs.examplePair.0 + " " + Inputs.examplePair.1
        let pieces = text.split(whereSeparator: { $0 == "." || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }
        var texts: [String] = [], current = ""
        for piece in pieces where !piece.isEmpty {
            current += (current.isEmpty ? "" : ". ") + piece
            if current.split(separator: " ").count >= 30 { texts.append(current + "."); current = "" }
        }
        return Array(texts.prefix(32))
    }()

    static let ids: [[Int32]] = {
        guard let encoder else { return [] }
        return sentences.map { sentence in
            let ids = encoder.tokenizer.ids(sentence)
            return Array(ids.prefix(24)) + [encoder.tokenizer.vocabulary.separator]
        }
    }()
}

let encoderBenchmarks: @Sendable () -> Void = {
    guard let encoder = EncoderInputs.encoder else {
        print("encoder benchmarks skipped: no model installed in \(ModelDirectory.standard().path) (run `retold model install`)")
        return
    }
    Benchmark("encoder 32×25 tokens", configuration: .init(maxDuration: .seconds(5), maxIterations: 200)) { benchmark in
        let ids = EncoderInputs.ids
        for _ in benchmark.scaledIterations {
            blackHole(encoder.encoder.vectors(ids))
        }
    } setup: {
        precondition(EncoderInputs.ids.count == 32 && EncoderInputs.ids.allSatisfy { $0.count == 25 })
    }

    Benchmark("tokenize 32 sentences", configuration: .init(maxDuration: .seconds(2))) { benchmark in
        let sentences = EncoderInputs.sentences
        for _ in benchmark.scaledIterations {
            for sentence in sentences { blackHole(encoder.tokenizer.ids(sentence)) }
        }
    } setup: {
        precondition(EncoderInputs.sentences.count == 32)
    }
}
