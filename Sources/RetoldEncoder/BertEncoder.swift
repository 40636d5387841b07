import Foundation

/// The transformer forward pass of a BERT encoder, with mean pooling and L2 normalization, as
/// sentence-transformers runs all-MiniLM-L6-v2.
///
/// A batch is packed, not padded: the sentences' tokens are laid one after another in one matrix,
/// so every linear layer is one matrix product over all of them and no work is spent on padding;
/// only attention runs per sentence.
public struct BertEncoder: Sendable {
    public let weights: BertWeights
    /// Query, key and value weights of each layer side by side (`[3·width, width]`), so that the
    /// three projections are one product.
    private let fused: [BertWeights.Linear]

    public init(weights: BertWeights) {
        self.weights = weights
        fused = weights.layers.map { layer in
            BertWeights.Linear(weight: layer.query.weight + layer.key.weight + layer.value.weight,
                               bias: layer.query.bias + layer.key.bias + layer.value.bias,
                               inputs: weights.width, outputs: 3 * weights.width)
        }
        _ = MatrixProduct.singleThreaded
    }

    /// One unit-length vector per sentence of token ids (each at most the model's positions long).
    public func vectors(_ sentences: [[Int32]]) -> [[Float]] {
        let width = weights.width
        let lengths = sentences.map { min($0.count, weights.positions) }
        let total = lengths.reduce(0, +)
        guard total > 0 else { return sentences.map { _ in [Float](repeating: 0, count: width) } }
        var offsets = [Int](), running = 0
        for length in lengths { offsets.append(running); running += length }

        var hidden = [Float](repeating: 0, count: total * width)
        embed(sentences, lengths: lengths, offsets: offsets, into: &hidden)
        var qkv = [Float](repeating: 0, count: total * 3 * width)
        var context = [Float](repeating: 0, count: total * width)
        var projected = [Float](repeating: 0, count: total * width)
        var inner = [Float](repeating: 0, count: total * weights.intermediateWidth)
        let longest = lengths.max() ?? 0
        var scores = [Float](repeating: 0, count: longest * longest)

        for (index, layer) in weights.layers.enumerated() {
            linear(fused[index], hidden, rows: total, into: &qkv)
            attention(qkv, lengths: lengths, offsets: offsets, scores: &scores, into: &context)
            linear(layer.attentionOutput, context, rows: total, into: &projected)
            addAndNormalize(&hidden, projected, layer.attentionNorm, rows: total)
            linear(layer.intermediate, hidden, rows: total, into: &inner)
            gelu(&inner)
            linear(layer.output, inner, rows: total, into: &projected)
            addAndNormalize(&hidden, projected, layer.outputNorm, rows: total)
        }
        return zip(lengths, offsets).map { length, offset in meanPooled(hidden, offset: offset, length: length) }
    }

    private func embed(_ sentences: [[Int32]], lengths: [Int], offsets: [Int], into hidden: inout [Float]) {
        let width = weights.width
        hidden.withUnsafeMutableBufferPointer { out in
            weights.tokenEmbeddings.withUnsafeBufferPointer { tokens in
                weights.positionEmbeddings.withUnsafeBufferPointer { positions in
                    weights.segmentEmbeddings.withUnsafeBufferPointer { segments in
                        for (sentence, (length, offset)) in zip(sentences, zip(lengths, offsets)) {
                            for position in 0..<length {
                                let id = Int(sentence[position]), row = (offset + position) * width
                                let tokenRow = (0..<weights.vocabularySize).contains(id) ? id * width : 0
                                for column in 0..<width {
                                    out[row + column] = tokens[tokenRow + column] + positions[position * width + column] + segments[column]
                                }
                            }
                        }
                    }
                }
            }
        }
        normalize(&hidden, weights.embeddingNorm, rows: hidden.count / width)
    }

    /// `out = input·Wᵀ + b`, the bias laid down first and the product added onto it.
    private func linear(_ layer: BertWeights.Linear, _ input: [Float], rows: Int, into out: inout [Float]) {
        out.withUnsafeMutableBufferPointer { out in
            layer.bias.withUnsafeBufferPointer { bias in
                for row in 0..<rows {
                    (out.baseAddress! + row * layer.outputs).update(from: bias.baseAddress!, count: layer.outputs)
                }
            }
            input.withUnsafeBufferPointer { input in
                layer.weight.withUnsafeBufferPointer { weight in
                    MatrixProduct.multiplyTransposed(input.baseAddress!, lda: layer.inputs, weight.baseAddress!, ldb: layer.inputs,
                                                     into: out.baseAddress!, ldc: layer.outputs, m: rows, n: layer.outputs,
                                                     k: layer.inputs, beta: 1)
                }
            }
        }
    }

    /// Scaled dot-product attention, per sentence and head, from the fused projections.
    private func attention(_ qkv: [Float], lengths: [Int], offsets: [Int], scores: inout [Float], into context: inout [Float]) {
        let width = weights.width, heads = weights.heads, headWidth = width / heads, stride = 3 * width
        let scale = 1 / Float(headWidth).squareRoot()
        qkv.withUnsafeBufferPointer { qkv in
            scores.withUnsafeMutableBufferPointer { scores in
                context.withUnsafeMutableBufferPointer { context in
                    for (length, offset) in zip(lengths, offsets) where length > 0 {
                        for head in 0..<heads {
                            let query = qkv.baseAddress! + offset * stride + head * headWidth
                            let key = query + width, value = query + 2 * width
                            MatrixProduct.multiplyTransposed(query, lda: stride, key, ldb: stride, into: scores.baseAddress!,
                                                             ldc: length, m: length, n: length, k: headWidth, beta: 0)
                            for row in 0..<length {
                                let base = row * length
                                var largest = -Float.infinity
                                for column in 0..<length { largest = max(largest, scores[base + column] * scale) }
                                var sum: Float = 0
                                for column in 0..<length {
                                    let e = expf(scores[base + column] * scale - largest)
                                    scores[base + column] = e
                                    sum += e
                                }
                                let inverse = 1 / sum
                                for column in 0..<length { scores[base + column] *= inverse }
                            }
                            MatrixProduct.multiply(scores.baseAddress!, lda: length, value, ldb: stride,
                                                   into: context.baseAddress! + offset * width + head * headWidth, ldc: width,
                                                   m: length, n: headWidth, k: length, beta: 0)
                        }
                    }
                }
            }
        }
    }

    /// BERT's GELU, with the exact error function.
    private func gelu(_ values: inout [Float]) {
        let root = Float(0.5).squareRoot()
        values.withUnsafeMutableBufferPointer { values in
            for index in values.indices {
                let x = values[index]
                values[index] = 0.5 * x * (1 + erff(x * root))
            }
        }
    }

    private func addAndNormalize(_ hidden: inout [Float], _ residual: [Float], _ norm: BertWeights.Norm, rows: Int) {
        hidden.withUnsafeMutableBufferPointer { hidden in
            residual.withUnsafeBufferPointer { residual in
                for index in hidden.indices { hidden[index] += residual[index] }
            }
        }
        normalize(&hidden, norm, rows: rows)
    }

    /// Layer norm over each row (ε = 1e-12, as the model was trained).
    private func normalize(_ values: inout [Float], _ norm: BertWeights.Norm, rows: Int) {
        let width = weights.width
        values.withUnsafeMutableBufferPointer { values in
            norm.gain.withUnsafeBufferPointer { gain in
                norm.bias.withUnsafeBufferPointer { bias in
                    for row in 0..<rows {
                        let base = row * width
                        var mean: Float = 0
                        for column in 0..<width { mean += values[base + column] }
                        mean /= Float(width)
                        var variance: Float = 0
                        for column in 0..<width {
                            let d = values[base + column] - mean
                            variance += d * d
                        }
                        let inverse = 1 / (variance / Float(width) + 1e-12).squareRoot()
                        for column in 0..<width {
                            values[base + column] = (values[base + column] - mean) * inverse * gain[column] + bias[column]
                        }
                    }
                }
            }
        }
    }

    /// The mean of a sentence's token states, scaled to unit length.
    private func meanPooled(_ hidden: [Float], offset: Int, length: Int) -> [Float] {
        let width = weights.width
        var pooled = [Float](repeating: 0, count: width)
        guard length > 0 else { return pooled }
        for row in offset..<(offset + length) {
            for column in 0..<width { pooled[column] += hidden[row * width + column] }
        }
        var norm: Float = 0
        for column in 0..<width {
            pooled[column] /= Float(length)
            norm += pooled[column] * pooled[column]
        }
        let inverse = 1 / max(norm.squareRoot(), 1e-12)
        return pooled.map { $0 * inverse }
    }
}
