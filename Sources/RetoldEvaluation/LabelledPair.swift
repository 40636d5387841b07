/// A sentence or text pair with a human label: true when the two are paraphrases (reused wording).
public struct LabelledPair: Sendable, Equatable {
    public var a: String
    public var b: String
    public var label: Bool

    public init(a: String, b: String, label: Bool) {
        self.a = a
        self.b = b
        self.label = label
    }
}
