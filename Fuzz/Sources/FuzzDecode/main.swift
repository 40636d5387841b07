import RetoldIngest

/// Any bytes as a text file: BOM sniffing, UTF-8 / UTF-16 / Windows-1252 decoding, binary refusal.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    if let input = try? TextInput.decode(bytes, name: "fuzz", maxBytes: 1 << 20) {
        // Decoded text is what every later stage reads: it must survive a round trip.
        precondition(String(decoding: Array(input.text.utf8), as: UTF8.self) == input.text)
    }
    return 0
}
