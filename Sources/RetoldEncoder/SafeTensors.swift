import Foundation

/// A safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's
/// dtype, shape and byte range, then the raw little-endian data.
///
/// Only what a sentence encoder needs is read: F32 tensors by name. Every range and shape is
/// checked against the file's size before any byte is read, so a truncated or hostile file is an
/// error, never an out-of-bounds read.
public struct SafeTensors: Sendable {
    public struct Tensor: Sendable, Equatable {
        public let dtype: String
        public let shape: [Int]
        /// Offsets into the data section (after the header).
        public let range: Range<Int>
    }

    public let tensors: [String: Tensor]
    private let bytes: Data
    private let dataStart: Int

    public init(bytes: Data) throws(EncoderError) {
        guard bytes.count >= 8 else { throw .malformedWeights("shorter than its 8-byte header length") }
        let headerLength = bytes.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= UInt64(bytes.count - 8), headerLength <= 100_000_000 else {
            throw .malformedWeights("its header length (\(headerLength) bytes) runs past the end of the file")
        }
        let headerEnd = 8 + Int(headerLength)
        let header: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: bytes.subdata(in: 8..<headerEnd)) as? [String: Any] else {
                throw EncoderError.malformedWeights("its header is not a JSON object")
            }
            header = object
        } catch let error as EncoderError {
            throw error
        } catch {
            throw .malformedWeights("its header is not valid JSON")
        }
        let dataLength = bytes.count - headerEnd
        var tensors: [String: Tensor] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let entry = value as? [String: Any], let dtype = entry["dtype"] as? String,
                  let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2,
                  shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= dataLength else {
                throw .malformedWeights("tensor \(name) has a malformed or out-of-range entry")
            }
            let width = Self.width(of: dtype)
            let count = shape.reduce(1) { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }
            if let width, count != Int.max, count * width != offsets[1] - offsets[0] {
                throw .malformedWeights("tensor \(name) has \(offsets[1] - offsets[0]) bytes for shape \(shape)")
            }
            tensors[name] = Tensor(dtype: dtype, shape: shape, range: offsets[0]..<offsets[1])
        }
        self.tensors = tensors
        self.bytes = bytes
        self.dataStart = headerEnd
    }

    /// The F32 tensor `name`, which must have `shape`.
    public func floats(_ name: String, shape: [Int]) throws(EncoderError) -> [Float] {
        guard let tensor = tensors[name] else { throw .malformedWeights("it has no tensor \(name)") }
        guard tensor.dtype == "F32" else { throw .malformedWeights("tensor \(name) is \(tensor.dtype), not F32") }
        guard tensor.shape == shape else { throw .malformedWeights("tensor \(name) has shape \(tensor.shape), not \(shape)") }
        let count = tensor.range.count / 4
        let start = dataStart + tensor.range.lowerBound
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                let source = UnsafeRawBufferPointer(rebasing: raw[start..<(start + tensor.range.count)])
                // The file is little-endian, as is every platform Retold runs on; loadUnaligned
                // because the data section has no alignment guarantee.
                for index in 0..<count {
                    buffer[index] = Float(bitPattern: UInt32(littleEndian: source.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
                }
            }
            initialized = count
        }
    }

    private static func width(of dtype: String) -> Int? {
        switch dtype {
        case "F64", "I64", "U64": 8
        case "F32", "I32", "U32": 4
        case "F16", "BF16", "I16", "U16": 2
        case "I8", "U8", "BOOL": 1
        default: nil
        }
    }
}
