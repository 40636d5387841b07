extension Array where Element: Comparable {
    /// Membership test on an array sorted in ascending order.
    @inline(__always)
    func sortedContains(_ value: Element) -> Bool {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) >> 1
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low] == value
    }
}
