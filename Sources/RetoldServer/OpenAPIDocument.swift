/// The OpenAPI 3.1 document served at `/openapi.json`: a copy of `schemas/openapi.json`
/// (a test keeps the two identical, and checks real responses against it).
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Retold API",
    "version": "0.1.0",
    "description": "Where a news text came from and what changed on the way. Reports use the same JSON schemas as the retold CLI's --format json (schemas/ in the repository). Errors are {\"error\": {\"message\": \"...\"}} with a 4xx status."
  },
  "servers": [{ "url": "http://127.0.0.1:8080" }],
  "components": {
    "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
    "schemas": {
      "Text": {
        "type": "object",
        "description": "A plain text, or an HTML page whose article is extracted (exactly one of text and html).",
        "properties": { "text": { "type": "string" }, "html": { "type": "string" }, "name": { "type": "string" } }
      },
      "CompareRequest": {
        "type": "object", "required": ["a", "b"],
        "properties": { "a": { "$ref": "#/components/schemas/Text" }, "b": { "$ref": "#/components/schemas/Text" }, "include_text": { "type": "boolean", "description": "Add each side's text (what offsets point into) to a and b." }, "semantic": { "type": "boolean", "description": "Also pair sentences by meaning with the server's sentence encoder (a 400 when the server has none: retold model install)." } }
      },
      "Error": {
        "type": "object", "required": ["error"],
        "properties": { "error": { "type": "object", "required": ["message"], "properties": { "message": { "type": "string" } } } }
      },
      "CompareReport": {
        "type": "object", "description": "schemas/retold.compare.v3.json",
        "required": ["schema", "version", "a", "b", "relationship", "confidence", "reason", "coverage", "passages", "finding_counts", "shared_anchors"],
        "properties": {
          "schema": { "const": "retold.compare" }, "version": { "type": "integer" },
          "a": { "type": "object" }, "b": { "type": "object" }, "relationship": { "type": "string" },
          "confidence": { "type": "number" }, "reason": { "type": "string" }, "coverage": { "type": "object" },
          "passages": { "type": "array" }, "finding_counts": { "type": "object" }, "shared_anchors": { "type": "array" },
          "claims": { "type": "array", "description": "What a short B says that A supports nowhere (B spans only)." },
          "semantic_model": { "type": "string", "description": "The sentence encoder used, when semantic was asked for." }
        }
      },
      "CheckReport": {
        "type": "object", "description": "schemas/retold.check.v2.json",
        "required": ["schema", "version", "document", "findings", "counts"],
        "properties": { "schema": { "const": "retold.check" }, "version": { "type": "integer" }, "document": { "type": "object" }, "findings": { "type": "array" }, "counts": { "type": "object" } }
      },
      "SearchReport": {
        "type": "object", "description": "schemas/retold.search.v2.json",
        "required": ["schema", "version", "query", "indexed", "candidates", "verified", "results"],
        "properties": { "schema": { "const": "retold.search" }, "version": { "type": "integer" }, "query": { "type": "object" }, "indexed": { "type": "integer" }, "candidates": { "type": "integer" }, "verified": { "type": "integer" }, "results": { "type": "array" } }
      },
      "ClustersReport": {
        "type": "object", "description": "schemas/retold.clusters.v2.json",
        "required": ["schema", "version", "indexed", "links", "pending", "minimum_coverage", "clusters"],
        "properties": { "schema": { "const": "retold.clusters" }, "version": { "type": "integer" }, "indexed": { "type": "integer" }, "links": { "type": "integer" }, "pending": { "type": "integer", "description": "Documents not linked yet (POST /v1/links links them)" }, "minimum_coverage": { "type": "number" }, "clusters": { "type": "array" } }
      },
      "LinksResponse": {
        "type": "object", "required": ["checked", "links"],
        "properties": { "checked": { "type": "integer", "description": "Documents linked by this request" }, "links": { "type": "integer", "description": "Links stored in all" } }
      },
      "AddResponse": {
        "type": "object",
        "required": ["schema", "version", "added", "duplicates", "documents", "rejected", "indexed"],
        "properties": {
          "schema": { "const": "retold.documents-add" }, "version": { "type": "integer" },
          "added": { "type": "integer" }, "duplicates": { "type": "integer" }, "indexed": { "type": "integer" },
          "documents": { "type": "array", "items": { "type": "object", "required": ["position", "id", "status"], "properties": { "position": { "type": "integer" }, "id": { "type": "integer" }, "status": { "enum": ["added", "duplicate"] } } } },
          "rejected": { "type": "array", "items": { "type": "object", "required": ["position", "reason"], "properties": { "position": { "type": "integer" }, "reason": { "type": "string" } } } }
        }
      },
      "Document": {
        "type": "object",
        "required": ["schema", "version", "id", "source_id", "origin", "words", "content_hash", "text"],
        "properties": {
          "schema": { "const": "retold.stored-document" }, "version": { "type": "integer" }, "id": { "type": "integer" },
          "source_id": { "type": "string" }, "origin": { "type": "string" }, "url": { "type": "string" }, "outlet": { "type": "string" },
          "title": { "type": "string" }, "published": { "type": "string" }, "words": { "type": "integer" },
          "content_hash": { "type": "string" }, "text": { "type": "string" }
        }
      },
      "Health": {
        "type": "object", "required": ["status", "version", "documents"],
        "properties": { "status": { "const": "ok" }, "version": { "type": "string" }, "documents": { "type": "integer" } }
      }
    },
    "responses": {
      "BadRequest": { "description": "Malformed JSON or a field out of range", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "TooLarge": { "description": "The body is over the server's limit (5 MB by default)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "TooSlow": { "description": "The body did not arrive whole within the server's body timeout (60 s by default); the connection is closed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "NotJSON": { "description": "The body's Content-Type is not application/json", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
    }
  },
  "paths": {
    "/healthz": {
      "get": { "summary": "Liveness and index size", "responses": { "200": { "description": "Up", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } } } }
    },
    "/metrics": {
      "get": {
        "summary": "Metrics in the Prometheus text format",
        "description": "retold_http_requests_total and the retold_http_request_duration_seconds histogram by route (the route pattern), method and status; the gauges retold_index_documents, retold_index_size_bytes and retold_links_pending, read when scraped. Needs no token, like /healthz.",
        "responses": { "200": { "description": "The exposition", "content": { "text/plain": { "schema": { "type": "string" } } } } }
      }
    },
    "/v1/compare": {
      "post": {
        "summary": "Compare two texts: reused passages, how, and what changed",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CompareRequest" } } } },
        "responses": {
          "200": { "description": "The comparison", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CompareReport" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "408": { "$ref": "#/components/responses/TooSlow" }, "413": { "$ref": "#/components/responses/TooLarge" }, "415": { "$ref": "#/components/responses/NotJSON" }
        }
      }
    },
    "/v1/compare/report": {
      "post": {
        "summary": "The same comparison as one self-contained HTML page to save, share or print (what retold compare --format html writes)",
        "description": "Takes the body of /v1/compare (include_text is moot: the page always holds both texts). The page has inline CSS only, no script and nothing loaded from elsewhere; it is sent as an attachment named report.html.",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CompareRequest" } } } },
        "responses": {
          "200": {
            "description": "The report page",
            "headers": { "Content-Disposition": { "description": "attachment; filename=\"report.html\"", "schema": { "type": "string" } } },
            "content": { "text/html": { "schema": { "type": "string" } } }
          },
          "400": { "$ref": "#/components/responses/BadRequest" }, "408": { "$ref": "#/components/responses/TooSlow" }, "413": { "$ref": "#/components/responses/TooLarge" }, "415": { "$ref": "#/components/responses/NotJSON" }
        }
      }
    },
    "/v1/check": {
      "post": {
        "summary": "Check one text with no source: contradictions, impossible ties, debris",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Text" } } } },
        "responses": {
          "200": { "description": "Findings", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CheckReport" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "408": { "$ref": "#/components/responses/TooSlow" }, "413": { "$ref": "#/components/responses/TooLarge" }, "415": { "$ref": "#/components/responses/NotJSON" }
        }
      }
    },
    "/v1/search": {
      "post": {
        "summary": "Indexed documents that share text with a query",
        "requestBody": { "required": true, "content": { "application/json": { "schema": {
          "type": "object",
          "properties": {
            "text": { "type": "string" }, "html": { "type": "string" }, "name": { "type": "string" },
            "limit": { "type": "integer", "minimum": 1, "maximum": 1000, "default": 10 },
            "passages": { "type": "boolean" }, "same_event": { "type": "boolean" }, "include_identical": { "type": "boolean" },
            "from": { "type": "string", "format": "date-time" }, "until": { "type": "string", "format": "date-time" },
            "outlets": { "type": "array", "items": { "type": "string" } }, "exclude_outlets": { "type": "array", "items": { "type": "string" } },
            "published": { "type": "string" }, "outlet": { "type": "string" }, "exclude_own_outlet": { "type": "boolean" },
            "semantic": { "type": "boolean", "description": "Also verify the strongest candidates by meaning with the server's sentence encoder (a 400 when the server has none)." }
          }
        } } } },
        "responses": {
          "200": { "description": "Ranked, verified results", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SearchReport" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }, "408": { "$ref": "#/components/responses/TooSlow" }, "413": { "$ref": "#/components/responses/TooLarge" }, "415": { "$ref": "#/components/responses/NotJSON" }
        }
      }
    },
    "/v1/documents": {
      "post": {
        "summary": "Add one document or an array of them (fields as in a JSONL line)",
        "security": [{ "bearer": [] }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "oneOf": [
          { "type": "object" }, { "type": "array", "items": { "type": "object" }, "maxItems": 10000 }
        ] } } } },
        "responses": {
          "201": { "description": "At least one document added", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/AddResponse" } } } },
          "200": { "description": "All valid documents were already indexed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/AddResponse" } } } },
          "400": { "description": "No valid document", "content": { "application/json": { "schema": { "oneOf": [{ "$ref": "#/components/schemas/AddResponse" }, { "$ref": "#/components/schemas/Error" }] } } } },
          "401": { "description": "A token is configured and the request lacks it", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "408": { "$ref": "#/components/responses/TooSlow" }, "413": { "$ref": "#/components/responses/TooLarge" }, "415": { "$ref": "#/components/responses/NotJSON" }
        }
      }
    },
    "/v1/documents/{id}": {
      "get": {
        "summary": "A stored document with its text",
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 } }],
        "responses": {
          "200": { "description": "The document", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Document" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "404": { "description": "No such document", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        }
      }
    },
    "/v1/opening": {
      "get": {
        "summary": "The comparison the web page opens with (retold serve --compare A B)",
        "responses": {
          "200": { "description": "The two texts", "content": { "application/json": { "schema": {
            "type": "object", "required": ["a", "b"],
            "properties": { "a": { "type": "object", "required": ["name", "text"] }, "b": { "type": "object", "required": ["name", "text"] } }
          } } } },
          "404": { "description": "The server was started without one", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        }
      }
    },
    "/v1/clusters": {
      "get": {
        "summary": "Groups of documents that reuse one another, earliest first, from the stored links (read-only; POST /v1/links builds them)",
        "parameters": [
          { "name": "min_coverage", "in": "query", "schema": { "type": "number", "minimum": 0, "maximum": 1, "default": 0.2 } },
          { "name": "from", "in": "query", "schema": { "type": "string" } }, { "name": "until", "in": "query", "schema": { "type": "string" } },
          { "name": "outlet", "in": "query", "schema": { "type": "string" } }, { "name": "exclude_outlet", "in": "query", "schema": { "type": "string" } }
        ],
        "responses": {
          "200": { "description": "Clusters", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ClustersReport" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" }
        }
      }
    },
    "/v1/links": {
      "post": {
        "summary": "Link the documents added since the last build: each is searched against the others and its verified reuse links stored",
        "responses": {
          "200": { "description": "Links up to date", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/LinksResponse" } } } },
          "401": { "description": "A token is configured and the request lacks it", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        }
      }
    }
  }
}
"""#
}
