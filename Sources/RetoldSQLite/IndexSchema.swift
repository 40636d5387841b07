import GRDB

/// The index schema, as versioned migrations: an index written by an older version is brought
/// up to date when opened, and never rewritten from scratch.
enum IndexSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE setting (name TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE document (
                    id INTEGER PRIMARY KEY,
                    content_hash BLOB NOT NULL UNIQUE,
                    source_id TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    url TEXT, outlet TEXT, title TEXT,
                    published TEXT,
                    published_at REAL,
                    words INTEGER NOT NULL,
                    text_bytes INTEGER NOT NULL,
                    signature BLOB NOT NULL,
                    text BLOB NOT NULL,
                    added_at TEXT NOT NULL
                );
                CREATE INDEX document_outlet ON document(outlet);
                CREATE INDEX document_published ON document(published_at);
                CREATE TABLE band (key INTEGER NOT NULL, document INTEGER NOT NULL, PRIMARY KEY (key, document)) WITHOUT ROWID;
                CREATE TABLE anchor (key INTEGER NOT NULL, document INTEGER NOT NULL, PRIMARY KEY (key, document)) WITHOUT ROWID;
                CREATE TABLE passage (key INTEGER NOT NULL, document INTEGER NOT NULL, PRIMARY KEY (key, document)) WITHOUT ROWID;
                CREATE TABLE link (
                    a INTEGER NOT NULL, b INTEGER NOT NULL,
                    relationship TEXT NOT NULL, coverage_a REAL NOT NULL, coverage_b REAL NOT NULL,
                    PRIMARY KEY (a, b)
                ) WITHOUT ROWID;
                CREATE INDEX link_b ON link(b);
                """)
        }
        // Links are tracked per document instead of by an id watermark (see
        // `DocumentIndex.unlinkedDocumentIDs`): documents up to the old watermark are linked.
        migrator.registerMigration("v2-linked-flag") { db in
            try db.execute(sql: """
                ALTER TABLE document ADD COLUMN linked INTEGER NOT NULL DEFAULT 0;
                UPDATE document SET linked = 1
                    WHERE id <= coalesce((SELECT CAST(value AS INTEGER) FROM setting WHERE name = 'link_watermark'), 0);
                DELETE FROM setting WHERE name = 'link_watermark';
                CREATE INDEX document_unlinked ON document(id) WHERE linked = 0;
                """)
        }
        // Links are derivation links decided by the relationship model, with its calibrated
        // confidence, which clustering weighs. Links from the earlier coverage rule are dropped
        // and every document is linked again on the next `retold clusters`.
        migrator.registerMigration("v3-link-confidence") { db in
            try db.execute(sql: """
                DELETE FROM link;
                ALTER TABLE link ADD COLUMN confidence REAL NOT NULL DEFAULT 0;
                UPDATE document SET linked = 0;
                """)
        }
        // Links carry the model's probability of derivation, which clustering joins on; links
        // stored without it are rebuilt on the next `retold clusters`.
        migrator.registerMigration("v4-link-reuse-probability") { db in
            try db.execute(sql: """
                DELETE FROM link;
                ALTER TABLE link ADD COLUMN reuse_probability REAL NOT NULL DEFAULT 0;
                UPDATE document SET linked = 0;
                """)
        }
        // Postings move from key-ordered tables, whose writes grew with the index, to sorted runs
        // merged in tiers (see `PostingRuns`): each old table becomes one run.
        migrator.registerMigration("v5-posting-runs") { db in
            try PostingRuns.createTables(db)
            for table in PostingRuns.kinds { try PostingRuns.convert(table: table, db) }
        }
        return migrator
    }
}
