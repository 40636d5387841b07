// The sentence encoder (all-MiniLM-L6-v2). Registered only when the model is installed
// (`retold model install`, or RETOLD_MODEL_DIR); otherwise one line says so.
//
// "encoder 32×25 tokens": one iteration encodes a batch of 32 sentences of exactly 25 tokens
// ([CLS] and [SEP] included), on one core: sentences/s = 32 × throughput.
// "tokenize 32 sentences": the tokenizer alone over the same 32 sentences as text.
//
// The static vectors (the table `retold model install` distils; registered when it is there), on
// one core, 32 texts of exactly 25 tokens ([CLS] and [SEP] included) per iteration:
// "static 32×25 tokens from text": tokenizer and table lookup, text in, unit vector out;
// "static 32×25 tokens from ids": the lookup alone, from the token ids;
// "tokenize 32×25 tokens": the tokenizer alone over those texts, ids into a stack buffer.

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

    static let staticEncoder: StaticEncoder? = encoder.flatMap { try? ModelDirectory.standard().loadStatic(for: $0) }

    /// Texts of exactly 25 tokens: each sentence's first words, as many as give 25 ids; where the
    /// next word would overshoot, the sentence's first 23 pieces written back as text instead
    /// (lower case, spaces around punctuation: it tokenizes to the same ids).
    static let texts25: [String] = {
        guard let encoder else { return [] }
        let tokenizer = encoder.tokenizer
        return sentences.compactMap { sentence in
            var words: [Substring] = []
            for word in sentence.split(separator: " ") {
                if tokenizer.ids((words + [word]).joined(separator: " ")).count > 25 { break }
                words.append(word)
            }
            let text = words.joined(separator: " ")
            if tokenizer.ids(text).count == 25 { return text }
            var rebuilt = ""
            for id in tokenizer.ids(sentence).dropFirst().prefix(23) {
                let piece = tokenizer.vocabulary.piece(id)
                rebuilt += piece.hasPrefix("##") ? String(piece.dropFirst(2)) : (rebuilt.isEmpty ? "" : " ") + piece
            }
            return tokenizer.ids(rebuilt).count == 25 ? rebuilt : nil
        }
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

    guard let staticEncoder = EncoderInputs.staticEncoder else {
        print("static vector benchmarks skipped: no static table in \(ModelDirectory.standard().path) (run `retold model distill`)")
        return
    }
    Benchmark("static 32×25 tokens from text", configuration: .init(maxDuration: .seconds(3))) { benchmark in
        let texts = EncoderInputs.texts25
        var vector = [Float](repeating: 0, count: staticEncoder.dimensions)
        for _ in benchmark.scaledIterations {
            for text in texts {
                vector.withUnsafeMutableBufferPointer { out in
                    staticEncoder.tokenizer.withIDs(text) { staticEncoder.vector(ids: $0, into: out) }
                }
                blackHole(vector)
            }
        }
    } setup: {
        precondition(EncoderInputs.texts25.count == 32, "\(EncoderInputs.texts25.count) texts of 25 tokens")
    }

    Benchmark("static 32×25 tokens from ids", configuration: .init(maxDuration: .seconds(3))) { benchmark in
        let ids = EncoderInputs.ids
        var vector = [Float](repeating: 0, count: staticEncoder.dimensions)
        for _ in benchmark.scaledIterations {
            for sentence in ids {
                vector.withUnsafeMutableBufferPointer { out in
                    sentence.withUnsafeBufferPointer { staticEncoder.vector(ids: $0, into: out) }
                }
                blackHole(vector)
            }
        }
    }

    Benchmark("tokenize 32×25 tokens", configuration: .init(maxDuration: .seconds(3))) { benchmark in
        let texts = EncoderInputs.texts25
        for _ in benchmark.scaledIterations {
            for text in texts { blackHole(encoder.tokenizer.withIDs(text) { $0.count }) }
        }
    } setup: {
        precondition(EncoderInputs.texts25.count == 32)
    }
}
