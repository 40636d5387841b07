import Foundation
import RetoldTestSupport
import Testing

/// The relationship decision, the clusters and the findings on the development wire clusters, measured by the
/// commands the README quotes. The floors are the figures the shipped model reaches (README,
/// "How good the verdicts are"): a change that loses ground fails here, one that gains moves them.
@Suite("retold eval relationship, clusters and changes on the wire clusters", .needsCorpora)
struct EvalRelationshipCorpusTests {
    func json(_ arguments: [String]) throws -> [String: Any] {
        let output = try RetoldProcess.run(arguments + ["--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    func figure(_ report: [String: Any], _ name: String, _ side: String = "model") throws -> Double {
        let value = try #require(report[name] as? [String: Any], "\(name)")
        return try #require(value[side] as? Double, "\(name).\(side)")
    }

    @Test("grouped cross-validation: the model beats the bigram baseline and holds its figures")
    func relationship() throws {
        let report = try json(["eval", "relationship", try Corpora.path("wire-clusters-dev")])
        #expect(report["pairs"] as? Int == 223)
        #expect(report["folds"] as? Int == 20)
        let accuracy = try figure(report, "reuse_accuracy")
        #expect(accuracy >= 0.95)
        #expect(accuracy > (try figure(report, "reuse_accuracy", "baseline")))
        #expect(try figure(report, "independent_called_reuse") <= 0.075)
        #expect(try figure(report, "unrelated_called_reuse") == 0)
        #expect(try figure(report, "paraphrase_recalled") >= 0.8)
        #expect(try figure(report, "edited_recalled") >= 0.98)
        #expect(try figure(report, "verbatim_recalled") == 1)
        #expect(try #require(report["verbatim_labelled"] as? Double) >= 0.85)
        #expect(try #require(report["expected_calibration_error"] as? Double) <= 0.05)
    }

    @Test("the clusters of a fresh index of the development set")
    func clusters() throws {
        let output = try RetoldProcess.run(["eval", "clusters", try Corpora.path("wire-clusters-dev")])
        #expect(output.status == 0, "\(output.stderr)")
        let lines = output.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("243 documents indexed, ") == true)
        func share(_ prefix: String) throws -> Double {
            let line = try #require(lines.first { $0.hasPrefix(prefix) }, "\(prefix)")
            return try #require(Double(line.dropFirst(prefix.count).split(separator: " ").first ?? ""), "\(line)")
        }
        #expect(try share("pairwise precision") >= 0.89)
        #expect(try share("pairwise recall") >= 0.85)
        let earliest = try #require(lines.first { $0.hasPrefix("earliest member is the wire text in ") })
        let stories = earliest.dropFirst("earliest member is the wire text in ".count).split(separator: " ")
        #expect(Int(stories[0]) ?? 0 >= 14 && stories[2] == "20", "\(earliest)")
    }

    @Test("findings on the copies whose factual changes were noted by hand")
    func changes() throws {
        let report = try json(["eval", "changes", try Corpora.path("wire-clusters-dev")])
        #expect(report["copiesWithChanges"] as? Int == 81)
        #expect(try #require(report["caught"] as? Double) >= 0.75)
        #expect(try #require(report["located"] as? Double) >= 0.60)
        let unchanged = try #require(report["copiesWithoutChanges"] as? Int), falseAlarms = try #require(report["falseAlarms"] as? Int)
        #expect(Double(falseAlarms) <= 0.10 * Double(unchanged))
    }
}
