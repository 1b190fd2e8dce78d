#!/usr/bin/env python3
"""Cuts a small, loadable excerpt out of a real Hugging Face tokenizer.json (BPE models).

Usage:
    make_tokenizer_excerpt.py FULL_TOKENIZER_JSON OUT_TOKENIZER_JSON [WORD ...]

Keeps, re-indexed densely in their original order: every added token that is special, spelled like
a special of a known role or reserved/unused (at most 12 reserved ones), the byte pieces (the 256
SentencePiece <0xNN> tokens, or the 256 one-character byte-level tokens), up to 64 whitespace pieces
(newline, tab, runs of spaces in the family's spelling; two spaces always), the 120 lowest-id tokens
with the family's word-start marker (so that the scheme is detected from the excerpt as from the
full file: more than 100 markers), and the tokens of the given words (their word-start and
continuation forms). Merges are kept when both parts and the result are kept.
Normalizer, pre-tokenizer and decoder are copied unchanged, so the excerpt tokenizes like the full
file on text made of the kept pieces. Deterministic; standard library only.
"""
import json
import re
import sys

RESERVED = re.compile(r"\[unused\d+]|<unused\d+>|<\|reserved_special_token_\d+\|>|<\|?reserved_\d+\|?>|<extra_id_\d+>")
ROLES = {"[CLS]", "[SEP]", "[UNK]", "[PAD]", "[MASK]", "<s>", "</s>", "<unk>", "<pad>", "<mask>", "<bos>", "<eos>",
         "<|begin_of_text|>", "<|end_of_text|>", "<|eot_id|>", "<|endoftext|>", "<|im_end|>", "<|im_start|>"}
BYTE_FALLBACK = re.compile(r"<0x[0-9A-F]{2}>")


def byte_level_chars():
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    chars = {}
    extra = 0x100
    for b in range(256):
        if b in printable:
            chars[b] = chr(b)
        else:
            chars[b] = chr(extra)
            extra += 1
    return chars


def main(argv):
    source, out, words = argv[0], argv[1], argv[2:]
    with open(source, encoding="utf-8") as f:
        full = json.load(f)
    model = full["model"]
    vocab = model["vocab"]
    byte_level = sum(t.startswith("\u0120") for t in vocab) > 100
    chars = byte_level_chars()
    keep = set()
    reserved = 0
    for added in full["added_tokens"]:
        content = added["content"]
        if RESERVED.fullmatch(content):
            if reserved < 12:
                keep.add(content)
                reserved += 1
        elif added["special"] or content in ROLES:
            keep.add(content)
    for token in vocab:
        if BYTE_FALLBACK.fullmatch(token) or (byte_level and len(token) == 1 and token in chars.values()):
            keep.add(token)
    whitespace = 0
    for token in vocab:
        surface = token.replace("\u2581", " ")
        if byte_level:
            inverse = {c: b for b, c in chars.items()}
            if all(c in inverse for c in token):
                try:
                    surface = bytes(inverse[c] for c in token).decode("utf-8")
                except UnicodeDecodeError:
                    continue
        if surface and surface.isspace() and (whitespace < 64 or surface == "  "):
            keep.add(token)
            whitespace += 1
    marker = "\u0120" if byte_level else "\u2581"
    keep |= {t for _, t in sorted((i, t) for t, i in vocab.items() if t.startswith(marker) and len(t) > 1)[:120]}
    for word in words:
        encoded = word.encode("utf-8")
        spellings = {word, "\u2581" + word}
        if byte_level:
            spelled = "".join(chars[b] for b in encoded)
            spellings |= {spelled, "\u0120" + spelled}
        keep |= {s for s in spellings if s in vocab}
    ordered = sorted((vocab[t], t) for t in keep if t in vocab)
    new_ids = {t: i for i, (_, t) in enumerate(ordered)}
    added_kept = [a for a in full["added_tokens"] if a["content"] in keep]
    next_id = len(new_ids)
    for added in sorted(added_kept, key=lambda a: a["id"]):
        if added["content"] in new_ids:
            added["id"] = new_ids[added["content"]]
        else:
            added["id"] = next_id
            next_id += 1
    merges = []
    for merge in model.get("merges", []):
        left, right = merge.split(" ", 1) if isinstance(merge, str) else merge
        if left in new_ids and right in new_ids and left + right in new_ids:
            merges.append(merge)
    model["vocab"] = new_ids
    model["merges"] = merges
    full["added_tokens"] = sorted(added_kept, key=lambda a: a["id"])
    with open(out, "w", encoding="utf-8") as f:
        json.dump(full, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("%s: %d tokens (%d added), %d merges" % (out, next_id, len(added_kept), len(merges)), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
