/// Maps byte offsets in normalized text back to byte offsets in the original input.
///
/// Normalization mostly copies bytes one for one, so the map stores only the points where
/// the two drift apart (a folded quote, a collapsed space run, a recomposed accent). Between
/// two anchors offsets advance together; inside a rewritten unit they clamp to its original
/// range. An all-ASCII, already-clean text has a map with one anchor.
public struct OffsetMap: Sendable, Equatable {
    /// Pairs (normalized, original), strictly increasing in `normalized`.
    @usableFromInline var normalizedAnchors: [Int] = [0]
    @usableFromInline var originalAnchors: [Int] = [0]
    /// Byte offset in the original input where its text ends (trailing whitespace excluded).
    public private(set) var originalLength: Int = 0
    /// Byte length of the normalized text.
    public private(set) var normalizedLength: Int = 0

    /// The map of an empty text; normalization builds the real ones.
    public init() {}

    /// Records that normalized offset `normalized` corresponds to original offset `original`.
    mutating func anchor(normalized: Int, original: Int) {
        if let lastN = normalizedAnchors.last, let lastO = originalAnchors.last {
            if lastN == normalized {
                originalAnchors[originalAnchors.count - 1] = original
                return
            }
            // Skip anchors that the running identity already implies.
            if normalized - lastN == original - lastO { return }
        }
        normalizedAnchors.append(normalized)
        originalAnchors.append(original)
    }

    /// Closes the map. `textEnd` is where the original's text ends (before trailing whitespace).
    mutating func finish(normalizedLength: Int, originalLength textEnd: Int) {
        anchor(normalized: normalizedLength, original: textEnd)
        // Keep the final anchor even when implied, so clamping has an upper bound.
        if normalizedAnchors.last != normalizedLength {
            normalizedAnchors.append(normalizedLength)
            originalAnchors.append(textEnd)
        }
        self.normalizedLength = normalizedLength
        self.originalLength = textEnd
    }

    /// The original byte offset for a normalized byte offset.
    public func originalOffset(_ normalized: Int) -> Int {
        if normalized <= 0 { return originalAnchors[0] }
        if normalized >= normalizedLength { return originalLength }
        // Last anchor at or before `normalized`.
        var low = 0
        var high = normalizedAnchors.count - 1
        while low < high {
            let mid = (low + high + 1) >> 1
            if normalizedAnchors[mid] <= normalized { low = mid } else { high = mid - 1 }
        }
        let offset = originalAnchors[low] + (normalized - normalizedAnchors[low])
        if low + 1 < originalAnchors.count {
            return min(offset, originalAnchors[low + 1])
        }
        return min(offset, originalLength)
    }
}
