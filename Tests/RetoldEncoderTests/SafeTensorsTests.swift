import Foundation
import Testing
@testable import RetoldEncoder

/// The weights reader on files the test writes: what it reads, and what it refuses.
@Suite struct SafeTensorsTests {
    /// A safetensors file with one tensor `name` of `shape`, holding 0, 1, 2, …
    static func file(header: String, floats: Int) -> Data {
        var data = Data()
        var length = UInt64(header.utf8.count).littleEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(contentsOf: header.utf8)
        for value in 0..<floats {
            var bits = Float(value).bitPattern.littleEndian
            withUnsafeBytes(of: &bits) { data.append(contentsOf: $0) }
        }
        return data
    }

    @Test func readsAnF32TensorByNameAndShape() throws {
        let data = Self.file(header: #"{"__metadata__":{"format":"pt"},"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]}}"#, floats: 6)
        let file = try SafeTensors(bytes: data)
        #expect(try file.floats("w", shape: [2, 3]) == [0, 1, 2, 3, 4, 5])
        #expect(throws: EncoderError.malformedWeights("tensor w has shape [2, 3], not [3, 2]")) { try file.floats("w", shape: [3, 2]) }
        #expect(throws: EncoderError.malformedWeights("it has no tensor v")) { try file.floats("v", shape: [6]) }
    }

    @Test func refusesRangesPastTheEndAndSizesThatDoNotFitTheShape() {
        #expect(throws: EncoderError.malformedWeights("tensor w has a malformed or out-of-range entry")) {
            try SafeTensors(bytes: Self.file(header: #"{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, floats: 3))
        }
        #expect(throws: EncoderError.malformedWeights("tensor w has 12 bytes for shape [4]")) {
            try SafeTensors(bytes: Self.file(header: #"{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,12]}}"#, floats: 3))
        }
        #expect(throws: EncoderError.malformedWeights("its header length (1000 bytes) runs past the end of the file")) {
            var data = Self.file(header: "{}", floats: 0)
            data[0] = 0xE8; data[1] = 0x03
            return try SafeTensors(bytes: data)
        }
        #expect(throws: EncoderError.malformedWeights("its header is not valid JSON")) {
            try SafeTensors(bytes: Self.file(header: "{nope", floats: 0))
        }
        #expect(throws: EncoderError.malformedWeights("shorter than its 8-byte header length")) { try SafeTensors(bytes: Data([1, 2])) }
    }
}
