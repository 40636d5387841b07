/// Finds the article in a page: the block of the page where most of the running prose is,
/// with its paragraphs, and without navigation, share bars, related links or footers.
///
/// Every block of prose (a paragraph, a table cell, a div holding text directly) scores its
/// ancestors by length and commas, discounted by how much of the text is links; the best
/// container, with the siblings that score close to it, is the article. Inside it, link lists
/// and small furniture blocks are dropped.
public struct ArticleExtractor: Sendable {
    public init() {}

    /// Below this many characters an extraction is suspect: retried without class names.
    static let shortArticle = 250

    public func extract(_ tree: HTMLTree) -> ExtractedArticle {
        let metadata = ArticleMetadata(tree)
        // What class and id words say of each element, read once for both passes.
        let weights = tree.nodes.map { $0.kind == .element ? BoilerplateSignals.classWeight($0) : 0 }
        let first = paragraphs(tree, metadata: metadata, weights: weights, useClassNames: true)
        // Class names mislead sometimes ("navbar" left open around the whole page): when little
        // came out, try again trusting only tags and roles, and keep the longer result.
        let firstLength = first.reduce(0) { $0 + $1.text.count }
        if firstLength < Self.shortArticle {
            let second = paragraphs(tree, metadata: metadata, weights: weights, useClassNames: false)
            if second.reduce(0, { $0 + $1.text.count }) > firstLength {
                return ExtractedArticle(metadata: metadata, paragraphs: second)
            }
        }
        return ExtractedArticle(metadata: metadata, paragraphs: first)
    }

    func paragraphs(_ tree: HTMLTree, metadata: ArticleMetadata, weights: [Int], useClassNames: Bool) -> [ExtractedArticle.Paragraph] {
        var state = State(tree: tree, weights: weights)
        state.markFurniture(useClassNames: useClassNames)
        var paragraphs: [ExtractedArticle.Paragraph] = []
        for root in state.contentRoots() { state.collectParagraphs(root, into: &paragraphs) }
        return Self.cleaned(paragraphs, title: metadata.title)
    }

    /// Drops empty paragraphs, and the title where it repeats as a heading or paragraph (the
    /// title is metadata; a repeated title line in the text is scraping debris).
    static func cleaned(_ paragraphs: [ExtractedArticle.Paragraph], title: String?) -> [ExtractedArticle.Paragraph] {
        var result = paragraphs.filter { !$0.text.isEmpty && ($0.text != title || $0.kind == .quote) }
        while let first = result.first, first.kind == .heading, let title, title.hasPrefix(first.text) || first.text.hasPrefix(title) {
            result.removeFirst()
        }
        return result
    }

    struct State {
        let tree: HTMLTree
        /// `BoilerplateSignals.classWeight` of each node.
        let weights: [Int]
        var removed: [Bool]
        var textLength: [Int]
        var linkLength: [Int]
        var commas: [Int]

        init(tree: HTMLTree, weights: [Int]) {
            self.tree = tree
            self.weights = weights
            removed = Array(repeating: false, count: tree.nodes.count)
            textLength = Array(repeating: 0, count: tree.nodes.count)
            linkLength = Array(repeating: 0, count: tree.nodes.count)
            commas = Array(repeating: 0, count: tree.nodes.count)
        }

        /// Marks furniture subtrees and computes text, link text and comma counts bottom-up
        /// (children always come after their parent in `nodes`).
        mutating func markFurniture(useClassNames: Bool) {
            // Raw text per subtree first: a "furniture" wrapper holding most of the page's text
            // ("Page-ad-margins" around everything) is a layout div with an unlucky name.
            var raw = [Int](repeating: 0, count: tree.nodes.count)
            for index in tree.nodes.indices.reversed() {
                let node = tree.nodes[index]
                if node.kind == .text { raw[index] = node.text.utf8.count }
                if index > 0, !["head", "title", "script"].contains(node.tag) { raw[node.parent] += raw[index] }
            }
            let page = max(1, raw[0])
            for index in tree.nodes.indices {
                let node = tree.nodes[index]
                guard index > 0 else { continue }
                if removed[node.parent] || ["head", "title", "meta", "link", "script"].contains(node.tag) { removed[index] = true; continue }
                if BoilerplateSignals.isFurniture(node, classWeight: useClassNames ? weights[index] : 0) {
                    let hidden = BoilerplateSignals.isHidden(node)
                    let holdsThePage = raw[index] * 2 > page && !["nav", "footer", "aside"].contains(node.tag)
                    if hidden || !holdsThePage { removed[index] = true }
                }
            }
            for index in tree.nodes.indices.reversed() where !removed[index] {
                let node = tree.nodes[index]
                if node.kind == .text {
                    let (letters, commaCount) = Self.measure(node.text)
                    textLength[index] = letters
                    commas[index] = commaCount
                } else if node.tag == "a" {
                    linkLength[index] = textLength[index]
                }
                if index > 0 {
                    textLength[node.parent] += textLength[index]
                    linkLength[node.parent] += linkLength[index]
                    commas[node.parent] += commas[index]
                }
            }
        }

        /// Visible characters (whitespace runs count once) and commas of a text.
        static func measure(_ text: String) -> (Int, Int) {
            var count = 0, commas = 0, space = true
            for byte in text.utf8 {
                let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                if isSpace { if !space { count += 1 }; space = true; continue }
                space = false
                if byte & 0xC0 != 0x80 { count += 1 }
                if byte == 0x2C { commas += 1 }
            }
            return (count, commas)
        }

        func linkDensity(_ index: Int) -> Double {
            textLength[index] == 0 ? 0 : Double(linkLength[index]) / Double(textLength[index])
        }

        /// Text held directly by an element (its text children, and inline children).
        func directTextLength(_ index: Int) -> Int {
            tree.nodes[index].children.reduce(0) { sum, child in
                let node = tree.nodes[child]
                return sum + (node.kind == .text || ExtractedArticle.inlineTags.contains(node.tag) ? textLength[child] : 0)
            }
        }

        static let paragraphTags: Set<String> = ["p", "pre", "td", "blockquote"]

        /// The container or containers holding the article, in document order.
        func contentRoots() -> [Int] {
            var scores: [Int: Double] = [:]
            func initialScore(_ index: Int) -> Double {
                let node = tree.nodes[index]
                var score: Double
                switch node.tag {
                case "div", "article", "main", "section": score = ContentScoring.containerTagScore
                case "pre", "td", "blockquote": score = ContentScoring.preformattedTagScore
                case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = ContentScoring.listTagScore
                case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = ContentScoring.headingTagScore
                default: score = 0
                }
                score += Double(weights[index]) * ContentScoring.classWeightScore
                if node.attribute("itemprop")?.lowercased() == "articlebody" { score += ContentScoring.articleBodyScore }
                if node.tag == "article" { score += ContentScoring.articleTagScore }
                return score
            }
            for index in tree.nodes.indices where !removed[index] && tree.nodes[index].kind == .element {
                let node = tree.nodes[index]
                let isParagraph = Self.paragraphTags.contains(node.tag)
                    || (["div", "section", "article", "span"].contains(node.tag) && directTextLength(index) >= ContentScoring.minimumParagraphLength)
                guard isParagraph else { continue }
                let length = Self.paragraphTags.contains(node.tag) ? textLength[index] : directTextLength(index)
                guard length >= ContentScoring.minimumParagraphLength else { continue }
                let score = 1 + Double(commas[index]) + min(Double(length / ContentScoring.charactersPerPoint), ContentScoring.maximumLengthPoints)
                var ancestor = node.parent, level = 0
                while ancestor > 0, level < ContentScoring.scoredAncestorLevels {
                    if scores[ancestor] == nil { scores[ancestor] = initialScore(ancestor) }
                    scores[ancestor]! += score / (level == 0 ? 1 : level == 1 ? 2 : Double(level * 3))
                    ancestor = tree.nodes[ancestor].parent
                    level += 1
                }
            }
            let finalScores = Dictionary(uniqueKeysWithValues: scores.map { ($0.key, $0.value * (1 - linkDensity($0.key))) })
            guard let top = finalScores.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }).map({ ($0.key, $0.value) }) else {
                // No prose anywhere: the whole body, for what it is worth.
                return [tree.elements("body").first ?? 0]
            }
            // Siblings that belong to the story: well scored, or prose paragraphs.
            let parent = tree.nodes[top.0].parent
            guard parent > 0 else { return [top.0] }
            let threshold = max(ContentScoring.minimumSiblingScore, top.1 * ContentScoring.siblingShareOfTop)
            var roots: [Int] = []
            for sibling in tree.nodes[parent].children where !removed[sibling] && tree.nodes[sibling].kind == .element {
                if sibling == top.0 { roots.append(sibling); continue }
                let node = tree.nodes[sibling]
                var bonus = 0.0
                if weights[sibling] > 0, weights[top.0] > 0 { bonus = top.1 * ContentScoring.sameClassBonusShare }
                if let score = finalScores[sibling], score + bonus >= threshold { roots.append(sibling); continue }
                if node.tag == "p" {
                    let length = textLength[sibling], density = linkDensity(sibling)
                    if length > ContentScoring.siblingParagraphLength && density < ContentScoring.siblingLinkDensity { roots.append(sibling) }
                }
            }
            return roots
        }

        /// Appends the paragraphs under `index`, dropping link lists and small furniture blocks.
        func collectParagraphs(_ index: Int, into paragraphs: inout [ExtractedArticle.Paragraph]) {
            var builder = ExtractedArticle.ParagraphBuilder()
            walk(index, &builder)
            builder.finish()
            paragraphs += builder.paragraphs
        }

        /// A container to leave out of the article text: mostly links (a share bar, a tag list,
        /// a "Read more" box); a bar is higher for containers named as story text.
        func isNoise(_ index: Int) -> Bool {
            let node = tree.nodes[index]
            guard ["div", "section", "ul", "ol", "table", "dl", "p", "span", "li"].contains(node.tag) else { return false }
            let density = linkDensity(index)
            let positive = weights[index] > 0
            if commas[index] >= ContentScoring.proseCommas && density < ContentScoring.proseLinkDensity { return false }
            if density > (positive ? ContentScoring.noiseLinkDensityForStory : ContentScoring.noiseLinkDensity)
                && (node.tag != "p" || density > ContentScoring.noiseLinkDensityForStory) { return true }
            return false
        }

        func walk(_ index: Int, _ builder: inout ExtractedArticle.ParagraphBuilder) {
            guard !removed[index] else { return }
            let node = tree.nodes[index]
            if node.kind == .text { builder.append(node.text); return }
            if isNoise(index) { return }
            let kind = ExtractedArticle.Paragraph.Kind(tag: node.tag)
            if node.tag == "br" { builder.lineBreak(); return }
            if kind != nil { builder.startBlock(kind!) }
            for child in node.children { walk(child, &builder) }
            if kind != nil { builder.endBlock() }
        }
    }
}
