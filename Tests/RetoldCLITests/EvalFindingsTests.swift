import Foundation
import RetoldTestSupport
import Testing

@Suite("retold eval findings")
struct EvalFindingsTests {
    @Test("a missing corpus file exits 1")
    func missing() throws {
        let output = try RetoldProcess.run(["eval", "findings", "--msrp", "/nonexistent/msrp.txt"])
        #expect(output.status == 1)
    }
}
