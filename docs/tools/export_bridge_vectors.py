#!/usr/bin/env python3
"""Export bridge vectors for SemBridge Workbench: embed every token of one or more vocabularies.

The workbench can embed vocabularies itself (on its CPU or GPU), but a large bridge such as
BAAI/bge-m3 on a 250k-token vocabulary is faster on a Python GPU machine. This script writes the
file the workbench reads as "precomputed bridge vectors" (docs/bridge-vectors.md):

    safetensors file
      tensor "vectors"         F32 [n, D], row i = bridge vector of texts[i]
      __metadata__ "texts"     JSON array of the n distinct bridge texts
      __metadata__ "model"     the bridge model name

The bridge text of a token is the SemBridge rule, identical to the workbench's BridgeTexts:
    text = tokenizer.decode([id]).strip()
    if not text or (text.startswith("[") and text.endswith("]")): text = raw vocabulary string
    if still empty: "[empty]"; if only whitespace: its code points as "U+000A" (space separated)
Lookup is by text, so one file serves the source and the target vocabulary: pass both tokenizers.

Usage:
    python export_bridge_vectors.py --model BAAI/bge-m3 \
        --tokenizer path/to/splade-v3 --tokenizer path/to/kobigbird-bert-base \
        --out bge-m3-vectors.safetensors [--batch-size 256] [--device cuda]

--tokenizer takes a folder with tokenizer.json (or vocab.txt) or a tokenizer.json file.
Needs: numpy, tokenizers, sentence-transformers (pip install sentence-transformers). The file is
written with numpy alone (no safetensors package needed), atomically.
"""
import argparse
import json
import os
import struct
import sys
import tempfile

EMPTY_TOKEN_TEXT = "[empty]"


def bridge_text(decoded, raw):
    """The SemBridge bridge text of one token from its decoded text and raw vocabulary string."""
    text = decoded.strip()
    if not text or (text.startswith("[") and text.endswith("]")):
        text = raw
    if not text:
        return EMPTY_TOKEN_TEXT
    if not text.strip():
        return " ".join("U+%04X" % ord(c) for c in text)
    return text


def load_tokenizer(path):
    """A `tokenizers.Tokenizer` for a folder (tokenizer.json, else vocab.txt) or a tokenizer.json file."""
    from tokenizers import Tokenizer

    if os.path.isdir(path):
        json_file = os.path.join(path, "tokenizer.json")
        if os.path.isfile(json_file):
            return Tokenizer.from_file(json_file)
        vocab_file = os.path.join(path, "vocab.txt")
        if os.path.isfile(vocab_file):
            from tokenizers.implementations import BertWordPieceTokenizer
            return BertWordPieceTokenizer(vocab_file)
        raise SystemExit(path + ": no tokenizer.json and no vocab.txt")
    return Tokenizer.from_file(path)


def vocabulary_texts(tokenizer):
    """The bridge text of every token id, 0 .. largest id (gaps give the empty raw string)."""
    vocab = tokenizer.get_vocab(with_added_tokens=True)
    size = max(vocab.values()) + 1
    raw_by_id = [""] * size
    for token, token_id in vocab.items():
        raw_by_id[token_id] = token
    texts = []
    for token_id, raw in enumerate(raw_by_id):
        decoded = tokenizer.decode([token_id], skip_special_tokens=False) if raw else ""
        texts.append(bridge_text(decoded, raw))
    return texts


def write_safetensors(path, vectors, texts, model):
    """Writes tensor "vectors" (F32 [n, D]) with metadata texts and model, atomically, numpy only."""
    import numpy as np

    vectors = np.ascontiguousarray(vectors, dtype="<f4")
    if vectors.ndim != 2 or vectors.shape[0] != len(texts):
        raise ValueError("need one row per text: %d texts, shape %s" % (len(texts), vectors.shape))
    if not np.isfinite(vectors).all():
        raise ValueError("the bridge returned NaN or infinite values")
    data = vectors.tobytes()
    header = {
        "__metadata__": {"texts": json.dumps(texts, ensure_ascii=False), "model": model},
        "vectors": {"dtype": "F32", "shape": list(vectors.shape), "data_offsets": [0, len(data)]},
    }
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    directory = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(dir=directory, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(struct.pack("<Q", len(text)))
            out.write(text)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.remove(temp)
        raise


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True, help="sentence-transformers model name or folder, e.g. BAAI/bge-m3")
    parser.add_argument("--tokenizer", action="append", required=True,
                        help="tokenizer folder or tokenizer.json; repeat for the source and the target")
    parser.add_argument("--out", required=True, help="the .safetensors file to write")
    parser.add_argument("--batch-size", type=int, default=256, help="texts per batch (default 256)")
    parser.add_argument("--device", default=None, help="cuda, cpu, mps (default: sentence-transformers picks)")
    args = parser.parse_args(argv)

    distinct = {}
    for path in args.tokenizer:
        texts = vocabulary_texts(load_tokenizer(path))
        for text in texts:
            distinct.setdefault(text, len(distinct))
        print("%s: %d tokens" % (path, len(texts)), file=sys.stderr)
    texts = list(distinct)
    print("%d distinct bridge texts" % len(texts), file=sys.stderr)

    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(args.model, device=args.device)
    vectors = model.encode(texts, batch_size=args.batch_size, convert_to_numpy=True, show_progress_bar=True)
    write_safetensors(args.out, vectors, texts, args.model)
    print("wrote %s: %d x %d" % (args.out, vectors.shape[0], vectors.shape[1]), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
