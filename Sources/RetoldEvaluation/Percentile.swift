/// The value at quantile `q` (0...1) of an ascending array, by the nearest rank below; 0 when empty.
func percentile(_ sorted: [Double], _ q: Double) -> Double {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))]
}
