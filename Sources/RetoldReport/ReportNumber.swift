/// How every report writes a share, a probability or a score: four decimals, so output is stable
/// across runs and platforms and diffs of results show no float noise.
enum ReportNumber {
    static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}
