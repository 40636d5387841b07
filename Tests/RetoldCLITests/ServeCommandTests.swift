import Foundation
import RetoldTestSupport
import Testing

@Suite struct ServeCommandTests {
    @Test("serve refuses a non-loopback address without a token, and bad options, before binding anything")
    func refusesUnsafeOrBadConfigurations() throws {
        let open = try RetoldProcess.run(["serve", "--host", "0.0.0.0", "--db", NSTemporaryDirectory() + "retold-never.db"],
                                         environment: ["RETOLD_TOKEN": ""])
        #expect(open.status == 2)
        #expect(open.stderr.hasPrefix("retold: refusing to listen on 0.0.0.0 without a token"))
        #expect(open.stderr.split(separator: "\n").count == 1)
        let port = try RetoldProcess.run(["serve", "--port", "70000"])
        #expect(port.status == 2 && port.stderr == "retold: port 70000 is out of range\n")
        let pair = try RetoldProcess.run(["serve", "--compare", "only-one.txt"])
        #expect(pair.status == 2 && pair.stderr.contains("--compare takes two files, A and B"))
        let missing = try RetoldProcess.run(["serve", "--compare", "missing-a.txt", "missing-b.txt", "--port", "0",
                                             "--db", NSTemporaryDirectory() + "retold-never.db"])
        #expect(missing.status == 1 && missing.stderr == "retold: cannot read 'missing-a.txt': no such file\n")
    }
}
