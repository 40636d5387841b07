import ArgumentParser
import Foundation
import RetoldCore
import RetoldEncoder
import RetoldEvaluation

/// `retold eval static`: how closely the static vectors follow the full encoder on real sentence
/// pairs, and what the screen of `--semantic` (cheap cosine first, full encoder only above the
/// screen) keeps and saves.
struct EvalStatic: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "static",
        abstract: "Agreement of the static sentence vectors with the full encoder on sentence pairs (needs the installed model and its static table).",
        discussion: """
        Every pair is scored by both: the cosine of the full encoder's vectors and of the static \
        vectors. Besides the given pairs (sentences about one event), each first sentence is also \
        paired with the second sentence of the pair half the corpus away: unrelated sentences, as \
        most pairs of two documents are. A pair is a semantic match at a full cosine of \
        \(SemanticScreen.decisive) or above.
        """
    )

    @Option(help: "An MSRP-format file (Quality, #1 ID, #2 ID, #1 String, #2 String).")
    var msrp: String?

    @Option(name: .customLong("pan-sentences"), help: "A folder with <prefix>_s1.txt, <prefix>_s2.txt and <prefix>.labels.")
    var panSentences: String?

    @Option(help: "Use at most this many pairs of each corpus.")
    var limit: Int?

    func validate() throws {
        guard msrp != nil || panSentences != nil else { throw ValidationError("give --msrp FILE and/or --pan-sentences DIR") }
    }

    func run() throws {
        let directory = ModelDirectory.standard()
        let encoder: SentenceEncoder, cheap: StaticEncoder
        do {
            encoder = try directory.load()
            cheap = try directory.loadStatic(for: encoder)
        } catch {
            throw CommandFailure(error.description)
        }
        var corpora: [(String, [LabelledPair])] = []
        if let msrp { corpora.append(("MSRP", try ParaphraseCorpus.msrp(path: msrp))) }
        if let panSentences { corpora.append(("PAN", try ParaphraseCorpus.panSentences(directory: panSentences))) }
        print("static table: \(cheap.dimensions) dimensions; a match is a full cosine ≥ \(SemanticScreen.decisive)")
        for (name, all) in corpora {
            let pairs = Array(all.prefix(limit ?? all.count))
            let start = Date()
            let fullA = Self.encode(encoder, pairs.map(\.a)), fullB = Self.encode(encoder, pairs.map(\.b))
            let fullSeconds = Date().timeIntervalSince(start)
            let cheapStart = Date()
            let cheapA = cheap.vectors(pairs.map(\.a)), cheapB = cheap.vectors(pairs.map(\.b))
            let cheapSeconds = Date().timeIntervalSince(cheapStart)
            let n = pairs.count, shift = n / 2
            var real: [(Float, Float)] = [], unrelated: [(Float, Float)] = []
            for i in 0..<n {
                real.append((SentenceEncoder.similarity(fullA[i], fullB[i]), SentenceEncoder.similarity(cheapA[i], cheapB[i])))
                let j = (i + shift) % n
                unrelated.append((SentenceEncoder.similarity(fullA[i], fullB[j]), SentenceEncoder.similarity(cheapA[i], cheapB[j])))
            }
            print("\n\(name): \(n) pairs and \(n) unrelated pairs; full encoder \(String(format: "%.0f", Double(2 * n) / fullSeconds)) sentences/s, "
                  + "static \(String(format: "%.0f", Double(2 * n) / cheapSeconds)) sentences/s (tokenizer included; this machine, as measured)")
            print("correlation of cosines (Pearson): pairs \(Self.f(Self.pearson(real))), unrelated \(Self.f(Self.pearson(unrelated))), "
                  + "all \(Self.f(Self.pearson(real + unrelated)))")
            let both = real + unrelated
            let matches = both.filter { $0.0 >= SemanticScreen.decisive }.count
            print("matches by the full encoder: \(real.filter { $0.0 >= SemanticScreen.decisive }.count) of the pairs, "
                  + "\(unrelated.filter { $0.0 >= SemanticScreen.decisive }.count) of the unrelated")
            // The static pass alone deciding: the best single static threshold.
            var best = (threshold: Float(0), agreement: 0.0)
            for step in 0...100 {
                let t = Float(step) / 100
                let agree = both.filter { ($0.0 >= SemanticScreen.decisive) == ($0.1 >= t) }.count
                let share = Double(agree) / Double(both.count)
                if share > best.agreement { best = (t, share) }
            }
            print("static decision alone: at its best threshold \(Self.f(best.threshold)) it agrees with the full encoder on "
                  + "\(Self.percent(best.agreement)) of all pairs")
            print("screen | matches kept | pairs screened out (all / unrelated / given) | decisions as the full encoder's")
            for step in stride(from: 20, through: 80, by: 5) {
                let screen = Float(step) / 100
                let kept = both.filter { $0.0 >= SemanticScreen.decisive && $0.1 >= screen }.count
                let out = both.filter { $0.1 < screen }.count
                let outUnrelated = unrelated.filter { $0.1 < screen }.count, outReal = real.filter { $0.1 < screen }.count
                let agree = both.count - (matches - kept)
                print(String(format: "%.2f | %@ (%d of %d) | %@ / %@ / %@ | %@", screen, Self.percent(Double(kept) / Double(max(matches, 1))), kept, matches,
                             Self.percent(Double(out) / Double(both.count)), Self.percent(Double(outUnrelated) / Double(n)),
                             Self.percent(Double(outReal) / Double(n)), Self.percent(Double(agree) / Double(both.count))))
            }
        }
    }

    /// The full vectors, on every core.
    static func encode(_ encoder: SentenceEncoder, _ texts: [String]) -> [[Float]] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = (texts.count + workers - 1) / max(workers, 1)
        let results = ResultSlots(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = min(worker * chunk, texts.count), end = min(start + chunk, texts.count)
            results.set(worker, encoder.vectors(Array(texts[start..<end])))
        }
        return results.joined()
    }

    static func pearson(_ pairs: [(Float, Float)]) -> Double {
        let n = Double(pairs.count)
        guard n > 1 else { return 0 }
        let mx = pairs.reduce(0) { $0 + Double($1.0) } / n, my = pairs.reduce(0) { $0 + Double($1.1) } / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (x, y) in pairs {
            let dx = Double(x) - mx, dy = Double(y) - my
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy
        }
        return sxy / (sxx * syy).squareRoot()
    }

    static func f(_ value: Double) -> String { String(format: "%.3f", value) }
    static func f(_ value: Float) -> String { String(format: "%.2f", value) }
    static func percent(_ value: Double) -> String { String(format: "%.1f%%", 100 * value) }
}

/// Per-worker results, each slot written by one worker.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [[[Float]]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ index: Int, _ value: [[Float]]) { lock.withLock { slots[index] = value } }
    func joined() -> [[Float]] { lock.withLock { slots.flatMap { $0 } } }
}
