#!/usr/bin/env bash
# The Spark job against the index on one planted corpus: `retold index add` + `retold clusters`
# on one side, spark/retold_spark.py under local[1] and local[2] on the other, and the links
# (source id pairs, relationship, coverages and probabilities) and clusters (member sets) must be equal. The Spark links
# imported into a fresh index (`retold index import-links`) must list the same clusters too.
# Exits 1 with the differences on any disagreement; prints the timings of both paths.
#
# Installs pyspark into a venv under ${TMPDIR:-/tmp} when missing, and Java 17 through apt when
# there is no java (RETOLD_SPARK_VENV names another venv). RETOLD_BUILT=1: .build/debug/retold is built already. RETOLD_AGREEMENT_DOCUMENTS
# sets the corpus size (default 2000), RETOLD_AGREEMENT_MASTERS the masters (default "local[1] local[2]").
set -euo pipefail
cd "$(dirname "$0")/.."
DOCUMENTS="${RETOLD_AGREEMENT_DOCUMENTS:-2000}"
# The Spark masters to run the job under, each compared with the index (CI runs local[2] only).
read -r -a masters <<< "${RETOLD_AGREEMENT_MASTERS:-local[1] local[2]}"

if ! command -v java >/dev/null 2>&1; then
    echo "test-agreement: installing Java 17"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-upgrade openjdk-17-jre-headless
fi
VENV="${RETOLD_SPARK_VENV:-${TMPDIR:-/tmp}/retold-spark-venv}"
[ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import pyspark" 2>/dev/null \
    || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q pyspark; }
[ "${RETOLD_BUILT:-}" = 1 ] || swift build --product retold >/dev/null
RETOLD="$PWD/.build/debug/retold"
export PYSPARK_PYTHON="$VENV/bin/python"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/retold-spark-agreement.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

"$RETOLD" eval planted generate --documents "$DOCUMENTS" --out "$WORK/planted" >/dev/null
CORPUS="$WORK/planted/corpus.jsonl"

started=$(now)
"$RETOLD" index add "$CORPUS" --db "$WORK/index.db" 2>/dev/null
added=$(since "$started")
# A copy before link building, for the import.
"$VENV/bin/python" -c "import sqlite3, sys; s = sqlite3.connect(sys.argv[1]); d = sqlite3.connect(sys.argv[2]); s.backup(d)" \
    "$WORK/index.db" "$WORK/import.db"
started=$(now)
"$RETOLD" clusters --db "$WORK/index.db" --format json > "$WORK/index-clusters.json" 2>/dev/null
linked=$(since "$started")

spark() {
    local master=$1 out=$2
    "$VENV/bin/python" spark/retold_spark.py "$CORPUS" --out "$out" --retold "$RETOLD" --master "$master" 2>"$out.log" \
        || { tail -30 "$out.log" >&2; echo "test-agreement: the Spark job under $master failed" >&2; exit 1; }
}
runs=()
timings=()
for master in "${masters[@]}"; do
    run="spark${#runs[@]}"
    started=$(now)
    spark "$master" "$WORK/$run"
    timings+=("  spark $master: $(since "$started") s (startup included)")
    runs+=("$run")
done
last="${runs[${#runs[@]} - 1]}"

cat "$WORK/$last"/links/part-* > "$WORK/links.jsonl"
cat "$WORK/$last"/documents/part-* > "$WORK/documents.jsonl"
"$RETOLD" index import-links "$WORK/links.jsonl" --documents "$WORK/documents.jsonl" --db "$WORK/import.db" 2>/dev/null
"$RETOLD" clusters --db "$WORK/import.db" --format json > "$WORK/import-clusters.json" 2>/dev/null

echo "test-agreement: $DOCUMENTS planted documents"
echo "  index:        add ${added} s, links and clusters ${linked} s"
printf '%s\n' "${timings[@]}"

"$VENV/bin/python" - "$WORK" "${runs[@]}" <<'PY'
import glob, json, sqlite3, sys

work = sys.argv[1]
index = sqlite3.connect(f"{work}/index.db")
source = dict(index.execute("SELECT id, source_id FROM document"))
index_links, index_values = {}, {}
for a, b, relationship, *values in index.execute(
        "SELECT a, b, relationship, coverage_a, coverage_b, confidence, reuse_probability FROM link"):
    index_links[(source[a], source[b])] = relationship
    index_values[(source[a], source[b])] = tuple(values)


def lines(pattern):
    return [json.loads(line) for path in sorted(glob.glob(pattern)) for line in open(path) if line.strip()]


def cluster_sets(clusters):
    return {frozenset(m["source_id"] for m in c["members"]) for c in clusters}


def show(members):
    return "{" + ", ".join(sorted(members)) + "}"


index_clusters = cluster_sets(json.load(open(f"{work}/index-clusters.json"))["clusters"])
failures = 0
for run in sys.argv[2:]:
    spark_lines = lines(f"{work}/{run}/links/part-*")
    links = {(l["a_source_id"], l["b_source_id"]): l["relationship"] for l in spark_lines}
    values = {(l["a_source_id"], l["b_source_id"]): (l["coverage_a"], l["coverage_b"], l["confidence"], l["reuse_probability"])
              for l in spark_lines}
    clusters = cluster_sets(lines(f"{work}/{run}/clusters/part-*"))
    only_index = sorted(set(index_links) - set(links))
    only_spark = sorted(set(links) - set(index_links))
    other = sorted(p for p in set(links) & set(index_links) if links[p] != index_links[p])
    print(f"  {run}: {len(links)} links ({len(index_links)} in the index), {len(clusters)} clusters ({len(index_clusters)} in the index)")
    for a, b in only_index:
        print(f"    link only in the index: {a} - {b} ({index_links[(a, b)]})")
    for a, b in only_spark:
        print(f"    link only from Spark: {a} - {b} ({links[(a, b)]})")
    for p in other:
        print(f"    relationship differs: {p[0]} - {p[1]}: index {index_links[p]}, Spark {links[p]}")
    # Coverages and probabilities too, to the last bit: they decide how clusters grow.
    numbers = sorted(p for p in set(links) & set(index_links) if values[p] != index_values[p])
    for p in numbers:
        print(f"    coverages or probabilities differ: {p[0]} - {p[1]}: index {index_values[p]}, Spark {values[p]}")
    other += numbers
    for c in sorted(index_clusters - clusters, key=show):
        print(f"    cluster only in the index: {show(c)}")
    for c in sorted(clusters - index_clusters, key=show):
        print(f"    cluster only from Spark: {show(c)}")
    failures += len(only_index) + len(only_spark) + len(other) + len(index_clusters ^ clusters)

imported = json.load(open(f"{work}/import-clusters.json"))
imported_clusters = cluster_sets(imported["clusters"])
print(f"  imported: {imported['links']} links, {len(imported_clusters)} clusters, {imported['pending']} documents pending")
for c in sorted(index_clusters ^ imported_clusters, key=show):
    print(f"    cluster differs after import-links: {show(c)}")
failures += len(index_clusters ^ imported_clusters) + (imported["pending"] != 0)

if failures:
    print(f"test-agreement: {failures} difference(s) between the index and the Spark job", file=sys.stderr)
    sys.exit(1)
print("test-agreement: links and clusters agree")
PY
