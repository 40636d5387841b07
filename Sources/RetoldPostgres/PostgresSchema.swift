#if PostgreSQL
import PostgresNIO
import RetoldIndex

/// The PostgreSQL schema, as numbered migrations recorded in `retold_migration`. They are
/// applied by `retold index migrate` (one process at a time, under an advisory lock) and never
/// silently: opening a database whose schema is behind or ahead of this build is refused.
enum PostgresSchema {
    struct Migration: Sendable {
        var version: Int
        var name: String
        var statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(version: 1, name: "documents, postings partitioned by band, links", statements: [
            "CREATE TABLE setting (name text PRIMARY KEY, value text NOT NULL)",
            // Ids come from the sequence before insertion, in input order, so one writer gives
            // the same ids as SQLite does; concurrent writers interleave.
            "CREATE SEQUENCE document_id_seq AS bigint",
            """
            CREATE TABLE document (
                id bigint PRIMARY KEY DEFAULT nextval('document_id_seq'),
                content_hash bytea NOT NULL UNIQUE,
                source_id text NOT NULL,
                origin text NOT NULL,
                url text, outlet text, title text,
                published text,
                published_at double precision,
                words integer NOT NULL,
                text_bytes integer NOT NULL,
                signature bytea NOT NULL,
                text bytea NOT NULL,
                added_at timestamptz NOT NULL DEFAULT now(),
                linked boolean NOT NULL DEFAULT false
            )
            """,
            "ALTER SEQUENCE document_id_seq OWNED BY document.id",
            // The text is gzip-compressed already: stored out of line, not compressed again.
            "ALTER TABLE document ALTER COLUMN text SET STORAGE EXTERNAL",
            "CREATE INDEX document_outlet ON document (outlet)",
            "CREATE INDEX document_published ON document (published_at)",
            "CREATE INDEX document_unlinked ON document (id) WHERE NOT linked",
            // The exact document count, kept in the writers' transactions: searches weigh
            // features by log(N/df), and count(*) over millions of rows on every search is slow.
            "CREATE TABLE document_count (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), documents bigint NOT NULL)",
            "INSERT INTO document_count (documents) VALUES (0)",
            // LSH band postings, one partition per band (created with the settings): a lookup
            // names its band, so it touches one partition's index; partitions can be placed,
            // vacuumed and reindexed one at a time. The primary key is the lookup index.
            """
            CREATE TABLE band (band smallint NOT NULL, key bigint NOT NULL, document bigint NOT NULL,
                               PRIMARY KEY (band, key, document)) PARTITION BY LIST (band)
            """,
            "CREATE TABLE band_other PARTITION OF band DEFAULT",
            "CREATE TABLE anchor (key bigint NOT NULL, document bigint NOT NULL, PRIMARY KEY (key, document))",
            "CREATE TABLE passage (key bigint NOT NULL, document bigint NOT NULL, PRIMARY KEY (key, document))",
            """
            CREATE TABLE link (
                a bigint NOT NULL, b bigint NOT NULL,
                relationship text NOT NULL, coverage_a double precision NOT NULL, coverage_b double precision NOT NULL,
                PRIMARY KEY (a, b)
            )
            """,
            "CREATE INDEX link_b ON link (b)",
        ]),
        // Links are derivation links with the relationship model's calibrated confidence;
        // links from the earlier coverage rule are dropped and rebuilt by `retold clusters`.
        Migration(version: 2, name: "link confidence", statements: [
            "DELETE FROM link",
            "ALTER TABLE link ADD COLUMN confidence double precision NOT NULL DEFAULT 0",
            "UPDATE document SET linked = false",
        ]),
        // Links carry the model's probability of derivation, which clustering joins on; links
        // stored without it are rebuilt by `retold clusters`.
        Migration(version: 3, name: "link reuse probability", statements: [
            "DELETE FROM link",
            "ALTER TABLE link ADD COLUMN reuse_probability double precision NOT NULL DEFAULT 0",
            "UPDATE document SET linked = false",
        ]),
    ]

    static var currentVersion: Int { migrations.last!.version }

    /// Serializes migrations across processes (an arbitrary constant: "RETOLD").
    static let lockKey: Int64 = 0x5245_544F_4C44

    /// The schema version a database is at: 0 when Retold never ran on it.
    static func version(_ connection: PostgresConnection) async throws -> Int {
        let exists = try await PostgresConnections.rows("SELECT to_regclass('retold_migration') IS NOT NULL", on: connection)
        guard try exists.first?.decode(Bool.self) == true else { return 0 }
        let rows = try await PostgresConnections.rows("SELECT coalesce(max(version), 0) FROM retold_migration", on: connection)
        return try rows.first.map { Int(try $0.decode(Int32.self)) } ?? 0
    }
}
#endif
