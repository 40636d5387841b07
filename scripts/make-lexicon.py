#!/usr/bin/env python3
"""Generates Sources/RetoldCore/Findings/Lexicon+WordNet.swift from the WordNet 3.0 database.

The meaning check needs to know whether two words can mean the same thing (they share a
WordNet synset or verb group, or one adjective is a satellite of the other's head), whether they are
antonyms, which adjective a comparative comes from, and whether a capitalized word is a
common word or a name. Nouns are listed so that a noun swap ("spot" / "place") is recognised
as a synonym and never read as a verb swap. The database files come from
Debian's `wordnet-base` package (files under /usr/share/wordnet); word frequencies from the
`wordfreq` package on PyPI restrict the output to words news text actually uses. Usage:

    apt-get install wordnet-base
    python3 -m venv /tmp/lexicon && /tmp/lexicon/bin/pip install wordfreq==3.1.1
    /tmp/lexicon/bin/python scripts/make-lexicon.py /usr/share/wordnet > Sources/RetoldCore/Findings/Lexicon+WordNet.swift

Output lines (in one string literal, parsed once at first use):
    w <lemma> <pos> <synset ids, base 36, comma-separated>   a lemma's synsets (pos n, v or a; adjective satellites add their head)
    x <form> <lemma>                                         an irregular verb form ("said" -> "say")
    c <form> <lemma>                                         a comparative or superlative ("warmer" -> "warm")
    ! <lemma> <lemma>                                        a direct antonym pair
"""
import importlib.metadata
import os
import re
import sys

from wordfreq import zipf_frequency

WORDNET = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
# Zipf frequency (log10 per billion words + 3) a lemma needs: 3.0 is about one in a million words.
MIN_ZIPF = 3.0
MIN_FORM_ZIPF = 2.5
WORD = re.compile(r"^[a-z]+(-[a-z]+)?$")


# Words WordNet writes in lowercase somewhere: common words. "FBI" and "Pyongyang" are only
# ever capitalized there, so they stay out of the lexicon and read as names.
lowercase_words = set()


def read_data(pos):
    """Synset offset -> (words, pointers) for one part of speech."""
    synsets = {}
    with open(os.path.join(WORDNET, f"data.{pos}"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # licence header
            fields = line.split(" | ")[0].split()
            offset, ss_type = fields[0], fields[2]
            count = int(fields[3], 16)
            raw = [re.sub(r"\(.*\)$", "", fields[4 + 2 * k]) for k in range(count)]
            words = [w.lower() for w in raw]
            lowercase_words.update(w for w in raw if w == w.lower())
            k = 4 + 2 * count
            pointer_count = int(fields[k])
            pointers = []
            for p in range(pointer_count):
                symbol, target, target_pos, source_target = fields[k + 1 + 4 * p: k + 5 + 4 * p]
                pointers.append((symbol, target, target_pos, source_target))
            synsets[offset] = (ss_type, words, pointers)
    return synsets


def main():
    data = {"n": read_data("noun"), "v": read_data("verb"), "a": read_data("adj")}
    ids = {}

    def synset_id(pos, offset):
        key = (pos, offset)
        if key not in ids:
            ids[key] = len(ids)
        return ids[key]

    lemmas = {}  # (lemma, pos) -> set of ids
    antonyms = set()
    for pos, synsets in data.items():
        for offset, (ss_type, words, pointers) in synsets.items():
            members = {synset_id(pos, offset)}
            # A satellite adjective ("tepid") is similar to its cluster head ("warm").
            if ss_type == "s":
                members |= {synset_id(pos, t) for s, t, _, _ in pointers if s == "&"}
            # Verbs WordNet groups as similar in sense ("reject" / "deny") count as synonyms too.
            members |= {synset_id(pos, t) for s, t, _, _ in pointers if s == "$"}
            for word in words:
                lemmas.setdefault((word, pos), set()).update(members)
            for symbol, target, target_pos, source_target in pointers:
                if symbol != "!":
                    continue
                source, target_word = int(source_target[:2], 16), int(source_target[2:], 16)
                target_words = data[pos][target][1]
                a, b = words[source - 1], target_words[target_word - 1]
                antonyms.add(tuple(sorted((a, b))))

    def common(word, threshold=MIN_ZIPF):
        return WORD.match(word) is not None and zipf_frequency(word.replace("-", " "), "en") >= threshold

    kept = {key: value for key, value in lemmas.items() if common(key[0]) and key[0] in lowercase_words}
    kept_words = {word for word, _ in kept}
    forms = {}
    # Irregular verb forms ("said" -> "say"); regular ones reach their lemma by stemming.
    with open(os.path.join(WORDNET, "verb.exc"), encoding="latin-1") as f:
        for line in f:
            form, lemma = line.split()[:2]
            if lemma in kept_words and common(form, MIN_FORM_ZIPF):
                forms[form] = lemma
    # Comparatives: irregular ones from adj.exc, regular ones by the spelling rules, kept when used.
    irregular = {}
    with open(os.path.join(WORDNET, "adj.exc"), encoding="latin-1") as f:
        for line in f:
            form, lemma = line.split()[:2]
            irregular.setdefault(lemma, []).append(form)
    comparatives = {}
    adjectives = {word for word, pos in kept if pos == "a"}
    for word, pos in sorted(kept):
        if pos != "a" or "-" in word:
            continue
        candidates = list(irregular.get(word, []))
        if word.endswith("e"):
            candidates += [word + "r", word + "st"]
        elif word.endswith("y"):
            candidates += [word[:-1] + "ier", word[:-1] + "iest"]
        else:
            candidates += [word + "er", word + "est"]
            if re.search(r"[^aeiou][aeiou][bdgmnpt]$", word):
                candidates += [word + word[-1] + "er", word + word[-1] + "est"]
        for form in candidates:
            # "warmer" is also a noun (a device that warms); it stays a comparative unless it is an adjective itself.
            if form != word and form not in adjectives and form not in comparatives and common(form, MIN_FORM_ZIPF):
                comparatives[form] = word
    used_ids = sorted({i for value in kept.values() for i in value})
    dense = {old: new for new, old in enumerate(used_ids)}

    def base36(n):
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"
        out = ""
        while True:
            n, r = divmod(n, 36)
            out = digits[r] + out
            if n == 0:
                return out

    lines = []
    for (word, pos), members in sorted(kept.items()):
        lines.append(f"w {word} {pos} " + ",".join(base36(dense[i]) for i in sorted(members)))
    for form, lemma in sorted(forms.items()):
        lines.append(f"x {form} {lemma}")
    for form, lemma in sorted(comparatives.items()):
        lines.append(f"c {form} {lemma}")
    for a, b in sorted(antonyms):
        if a in kept_words and b in kept_words and a != b:
            lines.append(f"! {a} {b}")

    print(f"// Generated by scripts/make-lexicon.py from WordNet 3.0 (nouns, verbs and adjectives) and wordfreq "
          f"{importlib.metadata.version('wordfreq')}; do not edit by hand.")
    print("//")
    print("// WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Permission to use,")
    print("// copy, modify and distribute this software and database and its documentation for any purpose")
    print("// and without fee or royalty is hereby granted, provided that you agree to comply with the")
    print("// following copyright notice and statements, including the disclaimer, and that the same appear")
    print("// on ALL copies of the software, database and documentation, including modifications that you")
    print("// make for internal use or for distribution. THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND")
    print("// PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF")
    print("// EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF")
    print("// MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE,")
    print("// DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR")
    print("// OTHER RIGHTS. The name of Princeton University or Princeton may not be used in advertising or")
    print("// publicity pertaining to distribution of the software and/or database. Title to copyright in")
    print("// this software, database and any associated documentation shall at all times remain with")
    print("// Princeton University and LICENSEE agrees to preserve same.")
    print("extension Lexicon {")
    print(f"    /// {len(kept)} lemmas, {len(forms)} irregular verb forms, {len(comparatives)} comparatives, "
          f"{sum(1 for l in lines if l.startswith('!'))} antonym pairs.")
    print("    static let wordNet = \"\"\"")
    for line in lines:
        print(line)
    print("\"\"\"")
    print("}")


main()
