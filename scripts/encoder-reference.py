#!/usr/bin/env python3
"""Reference vectors for Retold's sentence encoder, computed once by the reference implementation.

Runs sentence-transformers (PyPI) on all-MiniLM-L6-v2 from an installed model folder, with the
128-token window Retold uses, over the sentences of Tests/RetoldEncoderTests/Fixtures/sentences.txt
and a few with control and format characters, and writes each sentence's token ids and vector to
Tests/RetoldEncoderTests/Fixtures/reference.json. The Swift test compares against that file.

Usage: python3 scripts/encoder-reference.py MODEL_DIR
  (MODEL_DIR as `retold model status` prints it; needs `pip install sentence-transformers`)
"""
import json
import os
import sys

from sentence_transformers import SentenceTransformer

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "RetoldEncoderTests", "Fixtures")
model_dir = sys.argv[1]
with open(os.path.join(here, "sentences.txt"), encoding="utf-8") as handle:
    sentences = [line.rstrip("\n") for line in handle if line.strip()]
# Characters a scraped page brings: a bell, a zero-width joiner, a soft hyphen, a no-break space,
# a replacement character, a line separator, and an empty text.
sentences += ["A bell\u0007 rang in the\u200dnewsroom.", "Soft\u00adhyphen and no\u00a0break\u00a0space.",
              "Broken \ufffd bytes\u2028and a line separator.", ""]

model = SentenceTransformer(model_dir, device="cpu")
model.max_seq_length = 128
vectors = model.encode(sentences, batch_size=8, convert_to_numpy=True, normalize_embeddings=False)
tokenizer = model.tokenizer
entries = []
for sentence, vector in zip(sentences, vectors):
    ids = tokenizer(sentence, truncation=True, max_length=128)["input_ids"]
    entries.append({"text": sentence, "ids": ids, "vector": [round(float(x), 7) for x in vector]})
with open(os.path.join(here, "reference.json"), "w", encoding="utf-8") as handle:
    json.dump({"model": "sentence-transformers/all-MiniLM-L6-v2", "maxSequenceLength": 128,
               "sentences": entries}, handle, ensure_ascii=False, indent=1)
    handle.write("\n")
print(f"{len(entries)} reference vectors written")
