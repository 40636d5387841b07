/// The weights that pick an HTML page's story container, named. The scheme is Arc90's
/// Readability, as Mozilla's readability.js implements it (tag priors, a class-and-id weight,
/// paragraphs scoring their ancestors by comma count and length, link density, siblings joined
/// above a share of the top score); the numbers are readability.js's unless marked Retold's,
/// and Retold's were set on the article-extraction benchmark (`retold eval extraction`).
enum ContentScoring {
    /// Tag priors of a candidate container (readability.js `initializeNode`).
    static let containerTagScore = 5.0        // div, article, main, section
    static let preformattedTagScore = 3.0     // pre, td, blockquote
    static let listTagScore = -3.0            // address, lists, forms
    static let headingTagScore = -5.0         // headings, table headers
    /// Per point of class-and-id weight (`BoilerplateSignals.classWeight`: -1, 0 or 1).
    static let classWeightScore = 25.0
    /// Retold's: schema.org's `itemprop="articleBody"` and an `<article>` element name the
    /// story outright, which readability.js predates.
    static let articleBodyScore = 30.0
    static let articleTagScore = 10.0

    /// A paragraph shorter than this many characters scores nothing.
    static let minimumParagraphLength = 25
    /// A paragraph's score: 1, plus one per comma, plus one per this many characters...
    static let charactersPerPoint = 100
    /// ... up to this many points for length.
    static let maximumLengthPoints = 3.0
    /// Ancestors scored by one paragraph: parent (full score), grandparent (half), then a third
    /// of it per level (readability.js's `level * 3` divider).
    static let scoredAncestorLevels = 3

    /// A sibling joins the top container when its score reaches this share of the top score...
    static let siblingShareOfTop = 0.2
    /// ... or at least this much...
    static let minimumSiblingScore = 10.0
    /// ... with a bonus of the same share when both carry a positive class weight.
    static let sameClassBonusShare = 0.2
    /// A plain paragraph sibling joins when longer than this and less linked than `siblingLinkDensity`.
    static let siblingParagraphLength = 80
    static let siblingLinkDensity = 0.25

    /// A container is link furniture above this link density (a higher bar for one whose class
    /// names it as story text, and for a paragraph)...
    static let noiseLinkDensity = 0.33
    static let noiseLinkDensityForStory = 0.5
    /// ... unless it holds this many commas of prose and is linked less than `proseLinkDensity`.
    static let proseCommas = 10
    static let proseLinkDensity = 0.5
}
