/// Why the sentence encoder cannot be used: no model installed, or model files that are not the
/// model Retold expects. Each case reads as one line for the user.
public enum EncoderError: Error, Equatable, CustomStringConvertible {
    /// No model in the model directory.
    case notInstalled(directory: String)
    /// A model file is missing or has the wrong size.
    case badFile(path: String, reason: String)
    /// The weights file cannot be read as the expected model.
    case malformedWeights(String)
    /// The vocabulary cannot be read.
    case malformedVocabulary(String)
    /// The model is installed without its static vector table (an install from before the table existed).
    case staticTableMissing(directory: String)

    public var description: String {
        switch self {
        case .notInstalled(let directory):
            "no sentence encoder is installed in \(directory); install it with `retold model install`"
        case .badFile(let path, let reason):
            "\(path): \(reason); reinstall it with `retold model install`"
        case .malformedWeights(let reason):
            "the model's weights are not usable: \(reason); reinstall it with `retold model install`"
        case .malformedVocabulary(let reason):
            "the model's vocabulary is not usable: \(reason); reinstall it with `retold model install`"
        case .staticTableMissing(let directory):
            "the model in \(directory) has no static vector table (\(StaticTable.fileName)); build it with `retold model distill`"
        }
    }
}
