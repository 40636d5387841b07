import Testing
@testable import RetoldCore

@Suite("Claims of a short text held against the whole of its source")
struct ClaimCheckerTests {
    static let article = """
        A security van was robbed outside a bank in Glasgow city centre on Monday evening. \
        Police said three armed men took a large sum of money from the vehicle in Sauchiehall Street. \
        A spokesman said no one had been injured, although two security guards were left badly shaken. \
        The area around the bank was closed for several hours while officers searched for evidence. \
        Detectives have appealed for anyone who saw the men to come forward.
        """

    func claims(_ a: String, _ b: String) -> [Finding] {
        var analyzer = TextAnalyzer()
        let comparison = Comparer().compare(analyzer.analyze(a), analyzer.analyze(b))
        // What compare reports is what the checker finds.
        #expect(comparison.claims.map(\.explanation) == ClaimChecker().check(comparison.a, comparison.b, passages: comparison.passages).map(\.explanation))
        return comparison.claims
    }

    @Test("a summary giving a figure, a person or a place the article never gives")
    func unsupported() {
        let figure = claims(Self.article, "Three armed men have stolen 50,000 pounds from a security van in the centre of Glasgow.")
        #expect(figure.map(\.explanation) == ["B says \"50,000 pounds\", a figure A gives nowhere."])
        #expect(figure.map(\.severity) == [.medium])
        let person = claims(Self.article, "Armed robbers have targeted a van in Glasgow, according to John Barclay.")
        #expect(person.map(\.explanation) == ["B names John Barclay, whom A does not mention anywhere."])
        // All lowercase, as some summary data sets are: the name is a word no dictionary knows.
        let lowercase = claims(Self.article.lowercased(), "armed robbers have targeted a van in edinburgh.")
        #expect(lowercase.map(\.explanation) == ["B says \"edinburgh\", a name A does not mention anywhere."])
    }

    @Test("a faithful summary in other words is silent")
    func faithful() {
        #expect(claims(Self.article, "Three armed men have robbed a security van outside a Glasgow bank, leaving two guards shaken.").isEmpty)
        #expect(claims(Self.article.lowercased(), "three armed men have robbed a security van outside a glasgow bank, leaving two guards shaken.").isEmpty)
    }

    @Test("an edited copy's own extra sentence is not a claim about the source")
    func editedCopy() {
        let copy = Self.article + " The robbery was the third in Edinburgh since 2019, the Herald has learned."
        var analyzer = TextAnalyzer()
        let comparison = Comparer().compare(analyzer.analyze(Self.article), analyzer.analyze(copy))
        #expect(ClaimChecker().claimSentences(comparison.a, comparison.b).isEmpty)
        #expect(comparison.claims.isEmpty)
    }
}
