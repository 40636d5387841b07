#!/usr/bin/env bash
# Fuzzes Retold's readers and compare with libFuzzer and AddressSanitizer, one target after
# another, each for SECONDS (default 60). First replays every kept crash under regressions/
# (a fixed bug stays fixed); a new crash is copied there, named by the target, and the run
# fails at the end. Prints, per target, the runs made and the CPU-seconds they took.
# Usage: Fuzz/run.sh [SECONDS] [TARGET...]   (targets: html decode warc jsonl pairs compare request)
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH="${1:-60}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(html decode warc jsonl pairs compare request)

swift build -c release --sanitize=fuzzer --sanitize=address 2>&1 | grep -E "error|warning: [^']|Build" | grep -v "__asan_extra_spill_area" || true
BIN=$(swift build -c release --sanitize=fuzzer --sanitize=address --show-bin-path)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/retold-fuzz.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

binary() {
    case "$1" in
        html) echo FuzzHTML ;; decode) echo FuzzDecode ;; warc) echo FuzzWARC ;;
        jsonl) echo FuzzJSONL ;; pairs) echo FuzzPairs ;; compare) echo FuzzCompare ;; request) echo FuzzRequest ;;
        *) echo "fuzz: unknown target $1 (html decode warc jsonl pairs compare request)" >&2; exit 64 ;;
    esac
}

# Seeds from the repository's fixtures: pages, example texts, and small feeds, crawls and
# pairs files under seeds/.
seed() {
    local target=$1 dir=$WORK/seeds-$1
    mkdir -p "$dir"
    case "$target" in
        html) cp ../Tests/RetoldIngestTests/Fixtures/*.html "$dir/" ;;
        decode) cp ../examples/*.txt ../Tests/RetoldCoreTests/Fixtures/stories/*.txt "$dir/" ;;
        warc) cp seeds/warc/* "$dir/"; gzip -c seeds/warc/response.warc > "$dir/response.warc.gz" ;;
        jsonl) cp seeds/jsonl/* "$dir/" ;;
        pairs) cp seeds/pairs/* "$dir/" ;;
        request) cp seeds/requests/* "$dir/" ;;
        compare)
            { cat ../examples/000_1fa55ddf9ed85ec1.txt; printf '\0'; cat ../examples/001_b3d10f58ee285008.txt; } > "$dir/examples"
            { cat ../Tests/RetoldCoreTests/Fixtures/stories/harbour-fire.txt; printf '\0'; cat ../Tests/RetoldCoreTests/Fixtures/stories/council-budget.txt; } > "$dir/stories" ;;
    esac
    echo "$dir"
}

failed=0
summary=""
for target in "${TARGETS[@]}"; do
    name=$(binary "$target")
    kept="regressions/$name"
    mkdir -p "$kept"
    if compgen -G "$kept/*" >/dev/null; then
        echo "== $name: replaying $(ls "$kept" | wc -l) kept inputs"
        "$BIN/$name" -runs=1 "$kept"/* || { echo "fuzz: $name fails on a kept input" >&2; failed=1; continue; }
    fi
    seeds=$(seed "$target")
    corpus="$WORK/corpus-$target"
    artifacts="$WORK/artifacts-$target/"
    mkdir -p "$corpus" "$artifacts"
    echo "== $name: fuzzing for $SECONDS_EACH s"
    start=$(date +%s)
    status=0
    "$BIN/$name" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
        -artifact_prefix="$artifacts" -print_final_stats=1 "$corpus" "$seeds" > "$WORK/log-$target" 2>&1 || status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$WORK/log-$target" | grep -o '[0-9]*$' || echo 0)
    elapsed=$(( $(date +%s) - start ))
    if [ "$status" -ne 0 ]; then
        failed=1
        for artifact in "$artifacts"*; do
            [ -e "$artifact" ] || continue
            cp "$artifact" "$kept/$(basename "$artifact")"
            echo "fuzz: $name crashed; input kept as $kept/$(basename "$artifact")" >&2
        done
        tail -40 "$WORK/log-$target" >&2
        summary+=$(printf '%-12s %10s runs %6s s   CRASH\n' "$name" "${runs:-0}" "$elapsed")$'\n'
    else
        summary+=$(printf '%-12s %10s runs %6s s   no crash\n' "$name" "${runs:-0}" "$elapsed")$'\n'
    fi
done
echo
echo "target             executions   time   result"
printf '%s' "$summary"
exit $failed
