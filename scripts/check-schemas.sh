#!/usr/bin/env bash
# Every JSON the CLI writes, checked by an independent JSON Schema implementation: Python's
# jsonschema (PyPI, in a venv under ${TMPDIR:-/tmp}) checks each schema file against the draft
# 2020-12 meta-schema, then validates the output of compare, compare --pairs, check, extract,
# index add, search, clusters and fingerprint on the bundled examples against the file it names. The unit
# tests check the same outputs with the validator in Tests/RetoldTestSupport; this catches a
# keyword that validator reads differently from the standard. Uses the debug build
# scripts/test.sh makes.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${TMPDIR:-/tmp}/retold-jsonschema-venv"
[ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import jsonschema" 2>/dev/null \
    || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q "jsonschema>=4.18"; }
# RETOLD_BUILT=1: the caller (CI) has built everything this needs; each other build command
# would make SwiftPM plan the build again.
[ "${RETOLD_BUILT:-}" = 1 ] || swift build --traits PostgreSQL --product retold >/dev/null 2>&1
RETOLD=.build/debug/retold
WORK=$(mktemp -d "${TMPDIR:-/tmp}/retold-schemas.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
A=examples/000_1fa55ddf9ed85ec1.txt
B=examples/001_b3d10f58ee285008.txt

"$RETOLD" compare "$A" "$B" --format json > "$WORK/compare.json"
printf '{"id": "p", "a_path": "%s", "b_path": "%s"}\n' "$A" "$B" > "$WORK/pairs.jsonl"
"$RETOLD" compare --pairs "$WORK/pairs.jsonl" > "$WORK/pairs.json" 2>/dev/null
"$RETOLD" check "$B" --format json > "$WORK/check.json"
"$RETOLD" extract "$A" "$B" --format json > "$WORK/extract.jsonl" 2>/dev/null
"$RETOLD" index add examples --db "$WORK/index.db" --format json > "$WORK/index-add.json" 2>/dev/null
"$RETOLD" search "$A" --db "$WORK/index.db" --passages --format json > "$WORK/search.json"
"$RETOLD" clusters --db "$WORK/index.db" --format json > "$WORK/clusters.json" 2>/dev/null
"$RETOLD" fingerprint examples --with-text > "$WORK/fingerprint.jsonl" 2>/dev/null

"$VENV/bin/python" - "$WORK" <<'PY'
import glob, json, sys
from jsonschema import Draft202012Validator
work = sys.argv[1]
schemas = {}
for path in sorted(glob.glob("schemas/retold.*.json")):
    schema = json.load(open(path))
    Draft202012Validator.check_schema(schema)
    schemas[path.split("/")[-1]] = Draft202012Validator(schema)
print(f"{len(schemas)} schema files are valid draft 2020-12 schemas")
checks = [("compare.json", "retold.compare.v3.json", False), ("pairs.json", "retold.compare.v3.json", True),
          ("check.json", "retold.check.v2.json", False), ("extract.jsonl", "retold.document.v1.json", True),
          ("index-add.json", "retold.index-add.v2.json", False), ("search.json", "retold.search.v2.json", False),
          ("clusters.json", "retold.clusters.v2.json", False), ("fingerprint.jsonl", "retold.fingerprint.v1.json", True)]
failures = 0
for output, schema, lines in checks:
    text = open(f"{work}/{output}").read()
    values = [json.loads(line) for line in text.splitlines() if line.strip()] if lines else [json.loads(text)]
    if output == "search.json":
        # Each result's comparison is a compare report of its own.
        values_compare = [r["comparison"] for v in values for r in v.get("results", []) if "comparison" in r]
        for value in values_compare:
            for error in schemas["retold.compare.v3.json"].iter_errors(value):
                failures += 1
                print(f"{output} (a result's comparison): {error.json_path}: {error.message}")
    for value in values:
        for error in schemas[schema].iter_errors(value):
            failures += 1
            print(f"{output}: {error.json_path}: {error.message}")
    print(f"{output}: {len(values)} value{'s' if len(values) != 1 else ''} against {schema}")
sys.exit(1 if failures else 0)
PY
