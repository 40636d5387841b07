/// The longest sequence of words two texts share word for word, in the same order, found in
/// the texts themselves rather than in the sentence alignment: a copied paragraph may start or
/// end inside a sentence, and the two texts may split it into sentences differently, so runs
/// counted over aligned sentences break where the copy does not.
///
/// Words quoted in both texts break a run: two reporters quoting one statement have copied
/// nothing from each other.
enum CopiedRun {
    /// Words a run must share before it is followed: four-word seeds are looked up, then
    /// extended word by word.
    static let seed = 4
    /// A seed common in both texts ("one of the most") is extended from at most this many of
    /// its places in A.
    static let placesPerSeed = 8

    /// A's four-word seeds sorted by hash, to be found by binary search.
    struct SeedTable: Sendable {
        let hashes: [UInt64]
        let starts: [Int32]

        init(_ document: Document) {
            let tokens = document.tokens
            guard tokens.count >= CopiedRun.seed else { hashes = []; starts = []; return }
            var seeds = [(hash: UInt64, start: Int32)]()
            seeds.reserveCapacity(tokens.count - CopiedRun.seed + 1)
            for i in 0...(tokens.count - CopiedRun.seed) { seeds.append((CopiedRun.seedHash(tokens, i), Int32(i))) }
            seeds.sort { ($0.hash, $0.start) < ($1.hash, $1.start) }
            hashes = seeds.map(\.hash)
            starts = seeds.map(\.start)
        }

        func firstIndex(of hash: UInt64) -> Int {
            var low = 0, high = hashes.count
            while low < high {
                let middle = (low + high) / 2
                if hashes[middle] < hash { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    static func seedHash(_ tokens: [Token], _ start: Int) -> UInt64 {
        var hash = StableHash.offsetBasis
        for t in start..<(start + seed) { hash = StableHash.combine(hash, tokens[t].key) }
        return hash
    }

    static func longest(_ a: Document, _ b: Document, quotedA: QuotedWords, quotedB: QuotedWords) -> Int {
        longest(a, seeds: SeedTable(a), b, quotedA: quotedA, quotedB: quotedB)
    }

    static func longest(_ a: Document, seeds: SeedTable, _ b: Document, quotedA: QuotedWords, quotedB: QuotedWords) -> Int {
        let left = a.tokens, right = b.tokens
        guard left.count >= seed, right.count >= seed else { return 0 }
        func shared(_ i: Int, _ j: Int) -> Bool {
            left[i].key == right[j].key && !(quotedA.inside[i] && quotedB.inside[j])
        }

        var best = 0
        var j = 0
        while j <= right.count - seed {
            let hash = seedHash(right, j)
            var k = seeds.firstIndex(of: hash)
            var longest = 0
            var tried = 0
            while k < seeds.hashes.count && seeds.hashes[k] == hash && tried < placesPerSeed {
                let i = Int(seeds.starts[k])
                var length = 0
                while i + length < left.count && j + length < right.count && shared(i + length, j + length) { length += 1 }
                longest = max(longest, length)
                k += 1
                tried += 1
            }
            best = max(best, longest)
            // Past the run just measured: a longer run starting inside it is rare, and
            // re-measuring every suffix of a long copy would cost its length squared.
            j += max(1, longest)
        }
        return best
    }
}
