#!/usr/bin/env python3
"""Retold's reuse links and clusters as a Spark batch job, without an index.

The job gives the links and clusters that `retold index add` followed by `retold clusters`
gives on the same inputs (docs/spark.md):

1. fingerprint: `retold fingerprint --with-text` per input part (JSONL files are split by
   lines, other files go whole);
2. ids: documents numbered in input order from 1, a text seen before (same content hash)
   dropped, as a new index numbers them;
3. candidates: documents sharing a band, anchor or passage key, with the index's
   document-frequency cut-off, weights and ranking; each document is checked against the
   documents before it only, its best candidates up to the verify limit;
4. verification: `retold compare --pairs --as-link`, the verifier link building uses; each
   document keeps its best links by score, as many as link building keeps;
5. clusters: connected components of the links by min-label propagation, then
   `retold clusters --links --documents` per batch of components.

Output (JSON lines, in part files): OUT/documents, OUT/links, OUT/clusters.
"""

import argparse
import json
import math
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession

# Kept datasets spill to disk when memory runs short instead of being dropped: a dropped
# partition of fingerprints would be recomputed, running `retold fingerprint` on it again.
KEEP = StorageLevel.MEMORY_AND_DISK

# The index's candidate settings (Sources/RetoldIndex/IndexSearcher.swift, SearchOptions.swift,
# LinkBuilder.swift): they must stay equal for the links to agree.
FEATURE_DOCUMENT_SHARE = 500
MINIMUM_FEATURE_DOCUMENTS = 25
MAXIMUM_FEATURE_DOCUMENTS = 250
BAND_WEIGHT = 4.0
MINIMUM_SHARED_FEATURES = 2
LINK_LIMIT = 50
VERIFY_LIMIT = max(20, 3 * LINK_LIMIT)

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def max_feature_documents(total):
    """Features held by more documents than this are ignored (IndexSearcher.maxAnchorDocuments)."""
    return min(MAXIMUM_FEATURE_DOCUMENTS, max(MINIMUM_FEATURE_DOCUMENTS, total // FEATURE_DOCUMENT_SHARE))


def feature_weight(total, documents):
    """log(N/df), as the index weighs a shared anchor or passage feature."""
    return math.log(float(max(1, total) + 1) / float(documents))


def resolve_retold(given):
    """The retold binary on this machine: the given path, a copy shipped with --files, or PATH."""
    if os.path.isfile(given) and os.access(given, os.X_OK):
        # Absolute: a bare name in the working directory (an executor's, where --files puts
        # files) would otherwise be looked up on PATH.
        return os.path.abspath(given)
    try:
        shipped = SparkFiles.get(os.path.basename(given))
        if os.path.isfile(shipped):
            mode = os.stat(shipped).st_mode
            if not mode & stat.S_IXUSR:
                os.chmod(shipped, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
            return shipped
    except Exception:
        pass
    found = shutil.which(given)
    if found:
        return found
    raise RuntimeError(f"retold binary not found: {given} (give --retold PATH, or ship it with --files)")


def run_retold(retold, arguments, allowed=(0,)):
    """Runs retold; its stderr goes to this task's log. Returns stdout lines."""
    done = subprocess.run([resolve_retold(retold)] + arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    problems = done.stderr.decode("utf-8", "replace")
    if problems:
        sys.stderr.write(problems)
    if done.returncode not in allowed:
        raise RuntimeError(f"retold {arguments[0]} exited with {done.returncode}: {problems.strip()[-2000:]}")
    return done.returncode, [line for line in done.stdout.decode("utf-8").split("\n") if line.strip()]


def fingerprint_jsonl_part(retold, path, file_index):
    """Fingerprints one part of a JSONL file: its lines go to a temporary file, and origins and
    the ids of records without one are put back to the original file and line."""

    def run(rows):
        rows = list(rows)
        if not rows:
            return
        with tempfile.TemporaryDirectory() as folder:
            part = os.path.join(folder, "part.jsonl")
            with open(part, "w", encoding="utf-8") as out:
                for line, _ in rows:
                    out.write(line.replace("\n", " ") + "\n")
            status, lines = run_retold(retold, ["fingerprint", "--with-text", part], allowed=(0, 1))
            for text in lines:
                record = json.loads(text)
                local = int(record["origin"].rsplit(":", 1)[1])
                line_number = rows[local - 1][1] + 1
                origin = f"{path}:{line_number}"
                if record["source_id"] == record["origin"]:
                    record["source_id"] = origin
                record["origin"] = origin
                yield ((file_index, line_number), record)
            if status != 0:
                yield ((file_index, -1), None)

    return run


def fingerprint_file(retold):
    def run(item):
        file_index, path = item
        status, lines = run_retold(retold, ["fingerprint", "--with-text", path], allowed=(0, 1))
        out = [((file_index, position), json.loads(text)) for position, text in enumerate(lines)]
        if status != 0:
            out.append(((file_index, -1), None))
        return out

    return run


def postings(item):
    """(kind, key) -> document, once per document, as the index's posting tables hold them."""
    document, (bands, anchors, passages) = item
    for key in set(bands):
        yield (("b", key), document)
    for key in set(anchors):
        yield (("a", key), document)
    for key in set(passages):
        yield (("p", key), document)


def shared_evidence(total, limit):
    """Each pair of documents holding one key: (later, earlier) -> (bands, anchors, passages, weight)."""

    def run(item):
        (kind, _), documents = item
        documents = sorted(documents)
        if kind == "b":
            evidence = (1, 0, 0, 0.0)
        else:
            if len(documents) > limit:
                return
            weight = feature_weight(total, len(documents))
            evidence = (0, 1, 0, weight) if kind == "a" else (0, 0, 1, weight)
        for j in range(1, len(documents)):
            for i in range(j):
                yield ((documents[j], documents[i]), evidence)

    return run


def add_evidence(x, y):
    return (x[0] + y[0], x[1] + y[1], x[2] + y[2], x[3] + y[3])


def best_candidates(item):
    """The candidates link building aligns for one query: enough evidence, strongest first."""
    query, found = item
    ranked = []
    for candidate, (bands, anchors, passages, weight) in found:
        if bands > 0 or anchors + passages >= MINIMUM_SHARED_FEATURES:
            ranked.append((weight + BAND_WEIGHT * bands, candidate))
    ranked.sort(key=lambda c: (-c[0], c[1]))
    return [(query, candidate) for _, candidate in ranked[:VERIFY_LIMIT]]


def verify_part(retold):
    """Verifies a partition's pairs with `retold compare --pairs --as-link`."""

    def run(rows):
        rows = list(rows)
        if not rows:
            return
        with tempfile.TemporaryDirectory() as folder:
            pairs = os.path.join(folder, "pairs.jsonl")
            with open(pairs, "w", encoding="utf-8") as out:
                for number, (_, ((_, query), candidate)) in enumerate(rows):
                    out.write(json.dumps({"id": str(number), "a": query["text"], "b": candidate["text"]}, ensure_ascii=False) + "\n")
            _, lines = run_retold(retold, ["compare", "--pairs", pairs, "--as-link"])
        for text in lines:
            result = json.loads(text)
            if not result["reuse"]:
                continue
            _, ((_, query), candidate) = rows[int(result["id"])]
            # Stored as link building stores it: the candidate (earlier) as a, the query as b.
            yield (query["id"], (result["score"], candidate["id"], {
                "a": candidate["id"], "b": query["id"],
                "a_source_id": candidate["source_id"], "b_source_id": query["source_id"],
                "a_content_hash": candidate["content_hash"], "b_content_hash": query["content_hash"],
                "relationship": result["relationship"],
                "coverage_a": result["coverage_b"], "coverage_b": result["coverage_a"],
                "confidence": result["confidence"], "reuse_probability": result["reuse_probability"],
            }))

    return run


def best_links(item):
    """A query's links as its search returns them: best score first, then smaller id, at most LINK_LIMIT."""
    _, found = item
    ranked = sorted(found, key=lambda f: (-f[0], f[1]))
    return [link for _, _, link in ranked[:LINK_LIMIT]]


def components(edges, partitions, checkpoint_every=5):
    """Connected components by min-label propagation: each document takes the smallest label
    among itself and its neighbours until no label changes. Returns document -> label."""
    neighbours = edges.flatMap(lambda e: [(e[0], e[1]), (e[1], e[0])]).distinct(partitions).persist(KEEP)
    labels = neighbours.map(lambda e: (e[0], e[0])).distinct(partitions).persist(KEEP)
    iteration = 0
    while True:
        iteration += 1
        proposed = labels.join(neighbours, numPartitions=partitions).map(lambda x: (x[1][1], x[1][0]))
        updated = labels.union(proposed).reduceByKey(min, numPartitions=partitions).persist(KEEP)
        if iteration % checkpoint_every == 0:
            # Long lineages of joins grow slow to plan; cut them now and then.
            updated.localCheckpoint()
        changed = updated.join(labels, numPartitions=partitions).filter(lambda x: x[1][0] != x[1][1]).count()
        labels.unpersist()
        labels = updated
        if changed == 0:
            return labels


def cluster_part(retold, minimum_coverage):
    """Clusters a batch of whole components with `retold clusters --links --documents`."""

    def run(rows):
        rows = list(rows)
        if not rows:
            return
        with tempfile.TemporaryDirectory() as folder:
            documents_path = os.path.join(folder, "documents.jsonl")
            links_path = os.path.join(folder, "links.jsonl")
            with open(documents_path, "w", encoding="utf-8") as documents, open(links_path, "w", encoding="utf-8") as links:
                for _, (members, edges) in rows:
                    for member in members:
                        documents.write(json.dumps(member, ensure_ascii=False) + "\n")
                    for edge in edges:
                        links.write(json.dumps(edge, ensure_ascii=False) + "\n")
            _, lines = run_retold(retold, ["clusters", "--links", links_path, "--documents", documents_path,
                                           "--format", "json", "--min-coverage", repr(minimum_coverage)])
        report = json.loads("\n".join(lines))
        for cluster in report["clusters"]:
            yield cluster

    return run


DOCUMENT_FIELDS = ("id", "source_id", "origin", "content_hash", "words", "published", "published_at",
                   "outlet", "title", "url", "credit")


def main():
    parser = argparse.ArgumentParser(description="Retold's reuse links and clusters as a Spark batch job.")
    parser.add_argument("inputs", nargs="+", help="Files or folders: JSONL (split by lines), WARC, HTML, text.")
    parser.add_argument("--out", required=True, help="Output directory (documents/, links/, clusters/).")
    parser.add_argument("--retold", default="retold", help="The retold binary on every machine, or its name as shipped with --files.")
    parser.add_argument("--master", default=None, help="Spark master when not set by spark-submit (default local[2]).")
    parser.add_argument("--partitions", type=int, default=0, help="Partitions per stage (default: twice the default parallelism).")
    parser.add_argument("--min-coverage", type=float, default=0.2, help="As `retold clusters --min-coverage`.")
    parser.add_argument("--overwrite", action="store_true", help="Replace an existing output directory.")
    options = parser.parse_args()

    builder = (SparkSession.builder.appName("retold")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.ui.enabled", "false"))
    # Under spark-submit the master comes from its --master; run with plain python, local[2].
    if options.master:
        builder = builder.master(options.master)
    elif not os.environ.get("PYSPARK_GATEWAY_PORT"):
        builder = builder.master("local[2]")
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    partitions = options.partitions or 2 * sc.defaultParallelism
    retold = options.retold
    started = time.time()

    if options.overwrite and os.path.isdir(options.out):
        shutil.rmtree(options.out)

    # 1. Fingerprints, with each document's place in the input order.
    # Local inputs expand as `index add` expands them; URLs (hdfs://, s3a://) are Spark's to read.
    files = []
    for given in options.inputs:
        if "://" in given:
            files.append(given)
        else:
            files += run_retold(retold, ["fingerprint", "--list-files", given])[1]
    parts = []
    whole = []
    for file_index, path in enumerate(files):
        if path.lower().endswith(JSONL_SUFFIXES):
            # A local path is said to be one, whatever Spark's default file system (HDFS on
            # most clusters); records keep the path as given, which is what `index add` names.
            location = path if "://" in path else "file://" + os.path.abspath(path)
            lines = sc.textFile(location, minPartitions=partitions).zipWithIndex()
            parts.append(lines.mapPartitions(fingerprint_jsonl_part(retold, path, file_index)))
        else:
            whole.append((file_index, path))
    if whole:
        parts.append(sc.parallelize(whole, min(len(whole), partitions)).flatMap(fingerprint_file(retold)))
    if not parts:
        sys.exit("retold-spark: no input files")
    fingerprinted = sc.union(parts).persist(KEEP)
    problems = fingerprinted.filter(lambda r: r[1] is None).count()
    phases = [("fingerprints", time.time())]

    # 2. Ids in input order, the first of each content hash kept.
    firsts = (fingerprinted.filter(lambda r: r[1] is not None)
              .map(lambda r: (r[1]["content_hash"], r))
              .reduceByKey(lambda x, y: x if x[0] < y[0] else y)
              .values()
              .sortBy(lambda r: r[0], numPartitions=partitions))
    documents = (firsts.zipWithIndex()
                 .map(lambda x: (x[1] + 1, dict(x[0][1], id=x[1] + 1)))
                 .persist(KEEP))
    total = documents.count()
    phases.append(("ids", time.time()))
    fingerprinted.unpersist()

    # 3. Candidate pairs: (later, earlier), strongest evidence first, per later document.
    keys = documents.map(lambda d: (d[0], (d[1]["band_keys"], d[1]["anchor_keys"], d[1]["passage_keys"])))
    grouped = keys.flatMap(postings).groupByKey(numPartitions=partitions).mapValues(list)
    evidence = grouped.flatMap(shared_evidence(total, max_feature_documents(total))).reduceByKey(add_evidence, numPartitions=partitions)
    candidates = (evidence.map(lambda x: (x[0][0], (x[0][1], x[1])))
                  .groupByKey(numPartitions=partitions)
                  .flatMap(lambda x: best_candidates((x[0], list(x[1])))))

    # 4. Verification, then each query's best links.
    texts = documents.mapValues(lambda d: {k: d[k] for k in ("id", "source_id", "content_hash", "text")})
    pairs = (candidates.join(texts, numPartitions=partitions)
             .map(lambda x: (x[1][0], (x[0], x[1][1])))
             .join(texts, numPartitions=partitions))
    verified = pairs.mapPartitions(verify_part(retold))
    links = (verified.groupByKey(numPartitions=partitions)
             .flatMap(lambda x: best_links((x[0], list(x[1]))))
             .persist(KEEP))
    link_count = links.count()
    phases.append(("candidates and verification", time.time()))

    # 5. Components, then clusters per batch of components.
    labels = components(links.map(lambda l: (l["a"], l["b"])), partitions)
    phases.append(("components", time.time()))
    members = (labels.join(documents.mapValues(lambda d: {k: d.get(k) for k in DOCUMENT_FIELDS}), numPartitions=partitions)
               .map(lambda x: (x[1][0], x[1][1])))
    edges = links.map(lambda l: (l["a"], l)).join(labels, numPartitions=partitions).map(lambda x: (x[1][1], x[1][0]))
    clusters = (members.cogroup(edges, numPartitions=partitions)
                .mapPartitions(cluster_part(retold, options.min_coverage))
                .persist(KEEP))
    cluster_count = clusters.count()
    phases.append(("clusters", time.time()))

    dumps = lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True)
    # Documents are in id order already (numbered after the sort); links and clusters in no order.
    documents.map(lambda d: dumps({k: d[1].get(k) for k in DOCUMENT_FIELDS})).saveAsTextFile(os.path.join(options.out, "documents"))
    links.map(dumps).saveAsTextFile(os.path.join(options.out, "links"))
    clusters.map(dumps).saveAsTextFile(os.path.join(options.out, "clusters"))

    phases.append(("output", time.time()))
    seconds = time.time() - started
    steps, previous = [], started
    for name, at in phases:
        steps.append(f"{name} {at - previous:.1f} s")
        previous = at
    print("retold-spark: " + ", ".join(steps), file=sys.stderr)
    print(f"retold-spark: {total} documents, {link_count} links, {cluster_count} clusters in {seconds:.1f} s"
          + (f"; {problems} input part(s) with problems (see the task logs)" if problems else ""), file=sys.stderr)
    spark.stop()
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
