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
    if still empty: "[empty]"
    whitespace/control pieces (rule version 2): a token whose surface text (SentencePiece "▁" as a
    space and "<0xNN>" below 0x80 as that character, byte-level characters as their bytes) or
    decoded text is only whitespace/control characters is named by its runs: "newline",
    "2 newlines", "tab", "4 spaces", "newline + 2 spaces" (other characters "U+XXXX", "3 x U+XXXX")
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
WORD_START = "\u2581"
WHITESPACE_NAMES = {" ": "space", "\n": "newline", "\t": "tab", "\r": "carriage return", "\x0b": "vertical tab",
                    "\x0c": "form feed", "\xa0": "no-break space", "\u3000": "ideographic space"}


def _byte_level_table():
    """GPT-2 bytes_to_unicode, inverted: character -> byte."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    table = {}
    extra = 0x100
    for b in range(256):
        if b in printable:
            table[chr(b)] = b
        else:
            table[chr(extra)] = b
            extra += 1
    return table


BYTE_LEVEL = _byte_level_table()


def detect_scheme(tokens):
    """sentencepiece, wordpiece or byte_level: more than 100 tokens with the marker (workbench SchemeDetection)."""
    if sum(t.startswith(WORD_START) for t in tokens) > 100:
        return "sentencepiece"
    if sum(t.startswith("##") for t in tokens) > 100:
        return "wordpiece"
    if sum(t.startswith("\u0120") for t in tokens) > 100:
        return "byte_level"
    return "wordpiece"


def surface_text(raw, scheme):
    """The text a token stands for before stripping (workbench VocabularyScheme.surfaceText)."""
    if scheme == "sentencepiece":
        if len(raw) == 6 and raw.startswith("<0x") and raw.endswith(">") and all(c in "0123456789ABCDEF" for c in raw[3:5]):
            value = int(raw[3:5], 16)
            return chr(value) if value < 0x80 else raw
        return raw.replace(WORD_START, " ")
    if scheme == "byte_level":
        if all(c in BYTE_LEVEL for c in raw):
            try:
                return bytes(BYTE_LEVEL[c] for c in raw).decode("utf-8")
            except UnicodeDecodeError:
                return raw
        return raw
    return raw


def whitespace_name(surface):
    """The named text of a whitespace/control piece, or None."""
    import unicodedata

    if not surface or not all(c.isspace() or unicodedata.category(c) == "Cc" for c in surface):
        return None
    parts = []
    i = 0
    while i < len(surface):
        c = surface[i]
        run = 1
        while i + run < len(surface) and surface[i + run] == c:
            run += 1
        i += run
        name = WHITESPACE_NAMES.get(c)
        if name is None:
            code = "U+%04X" % ord(c)
            parts.append(code if run == 1 else "%d x %s" % (run, code))
        else:
            parts.append(name if run == 1 else "%d %ss" % (run, name))
    return " + ".join(parts)


def bridge_text(decoded, raw, scheme="wordpiece"):
    """The SemBridge bridge text of one token from its decoded text and raw vocabulary string."""
    named = whitespace_name(surface_text(raw, scheme))
    if named is None and decoded:
        named = whitespace_name(decoded)
    if named is not None:
        return named
    text = decoded.strip()
    if not text or (text.startswith("[") and text.endswith("]")):
        text = raw
    if not text:
        return EMPTY_TOKEN_TEXT
    named = whitespace_name(text)
    return named if named is not None else text


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
    scheme = detect_scheme(raw_by_id)
    special = {token_id for token_id, added in tokenizer.get_added_tokens_decoder().items() if added.special} \
        if hasattr(tokenizer, "get_added_tokens_decoder") else set()
    texts = []
    for token_id, raw in enumerate(raw_by_id):
        decoded = tokenizer.decode([token_id], skip_special_tokens=False) if raw else ""
        texts.append(bridge_text(decoded, raw, "wordpiece" if token_id in special else scheme))
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
