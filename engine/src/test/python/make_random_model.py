#!/usr/bin/env python3
"""Writes a small random Hugging Face model folder for the encoder tests.

The folder looks like a real checkpoint saved by transformers' save_pretrained: config.json
with the family's own keys, model.safetensors with the family's real tensor names, and a
WordPiece tokenizer.json (or, with --tokenizer vocab, only vocab.txt + tokenizer_config.json).
The weights are random (seeded) so that the Java forward pass can be compared against
reference_encoder.py, which reads the same folder with numpy alone.

Usage:
    make_random_model.py OUT_DIR FAMILY [options]

FAMILY is one of bert, roberta, xlm-roberta, distilbert. Options:
    --bridge               bare encoder (BertModel-like, no prefix, no MLM head) plus
                           sentence-transformers modules.json, 1_Pooling and 2_Normalize
    --pooling MODE         pooling of the bridge: cls, mean or max (default mean)
    --no-normalize         bridge without the Normalize module
    --untied               MLM decoder weight stored and different from the word embeddings
    --store-tied-decoder   MLM decoder weight stored and equal to the word embeddings
    --store-bias-alias     also store the decoder bias under its tied alias, as transformers'
                           save_pretrained does for some checkpoints (cls.predictions.decoder.bias,
                           lm_head.decoder.bias; DistilBERT has a single name)
    --extra-vocab-tensor NAME  also store NAME, a random [vocab_size, 3] tensor nothing reads
    --store-position-ids   store the embeddings.position_ids buffer (I64 [1, positions]), as
                           checkpoints saved by transformers < 4.31 do
    --legacy-norm-names    LayerNorm.gamma / LayerNorm.beta instead of .weight / .bias (BERT)
    --hidden-act NAME      hidden_act (activation for distilbert); default gelu
    --dtype D              F32 (default), F16 or BF16 storage of every tensor
    --sinusoidal           distilbert: sinusoidal_pos_embds true, position table sinusoidal
    --drop NAME            leave this tensor out of the checkpoint
    --poison NAME          put a NaN into this tensor (element 3) and an Inf into element 5
    --tokenizer KIND       json (default) or vocab (vocab.txt + tokenizer_config.json only)
    --shards N             split the weights over N files + model.safetensors.index.json
    --seed N               random seed (default 1234)
    --dims H,A,I,L,P       hidden, heads, intermediate, layers, positions (default 32,4,64,2,40);
                           768,12,3072,12,512 gives a bert-base-sized model for measurements
    --vocab-size N         pad the vocabulary with [unused<k>] tokens up to N entries

Default dimensions: hidden 32, 4 heads, intermediate 64, 2 layers, 40 usable positions.
No torch, no transformers: numpy and the standard library only.
"""
import argparse
import json
import os
import struct
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # tiny matrices: threads only add start-up cost

import numpy as np

HIDDEN = 32
HEADS = 4
INTERMEDIATE = 64
LAYERS = 2
POSITIONS = 40

WORDS = [
    "the", "an", "cat", "dog", "sat", "on", "mat", "house", "blue", "red", "green", "big",
    "small", "run", "walk", "eat", "water", "tree", "book", "read", "and", "of", "to", "in",
    "is", "was", "it", "he", "she", "they", "we", "you", "sun", "moon", "star", "car", "road",
    "city", "home", "casa", "haus", "maison",
]
SUFFIXES = ["##est", "##ing", "##ed", "##er", "##ly", "##es"]
LETTERS = [chr(c) for c in range(ord("a"), ord("z") + 1)]
DIGITS = [str(d) for d in range(10)]
PUNCT = [".", ",", "!", "?", "'", "-"]


def specials(family):
    if family in ("roberta", "xlm-roberta"):
        return {"cls": "<s>", "pad": "<pad>", "sep": "</s>", "unk": "<unk>", "mask": "<mask>",
                "order": ["<s>", "<pad>", "</s>", "<unk>"], "tail": ["<mask>"]}
    return {"cls": "[CLS]", "pad": "[PAD]", "sep": "[SEP]", "unk": "[UNK]", "mask": "[MASK]",
            "order": ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"], "tail": []}


def vocabulary(family, size=0):
    sp = specials(family)
    body = LETTERS + ["##" + c for c in LETTERS] + DIGITS + PUNCT + WORDS + SUFFIXES
    vocab = sp["order"] + body + sp["tail"]
    vocab += ["[unused%d]" % k for k in range(max(0, size - len(vocab)))]
    return vocab, sp


def tokenizer_json(vocab, sp):
    ids = {tok: i for i, tok in enumerate(vocab)}
    special_names = [t for t in vocab if t.startswith("[") or t.startswith("<")]
    added = [{"id": ids[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for t in special_names]
    cls, sep = sp["cls"], sp["sep"]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": cls, "type_id": 0}},
                       {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": sep, "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": cls, "type_id": 0}},
                     {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": sep, "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": sep, "type_id": 1}}],
            "special_tokens": {
                cls: {"id": cls, "ids": [ids[cls]], "tokens": [cls]},
                sep: {"id": sep, "ids": [ids[sep]], "tokens": [sep]},
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": sp["unk"], "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": ids},
    }


def write_safetensors(path, tensors, dtype):
    header = {"__metadata__": {"format": "pt"}}
    blobs = []
    offset = 0
    for name, array in tensors.items():
        if np.asarray(array).dtype == np.int64:
            data, stored = np.asarray(array).astype("<i8").tobytes(), "I64"
        else:
            data, stored = encode(np.asarray(array, dtype=np.float32), dtype), dtype
        header[name] = {"dtype": stored, "shape": list(array.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)))
        out.write(text)
        for blob in blobs:
            out.write(blob)


def write_shards(out_dir, tensors, dtype, count):
    """Splits tensors round-robin over `count` files, as save_pretrained(max_shard_size=...) names them."""
    names = list(tensors)
    weight_map = {}
    for shard in range(count):
        file_name = "model-%05d-of-%05d.safetensors" % (shard + 1, count)
        part = {name: tensors[name] for name in names[shard::count]}
        write_safetensors(os.path.join(out_dir, file_name), part, dtype)
        weight_map.update({name: file_name for name in part})
    total = sum(np.asarray(t).nbytes if np.asarray(t).dtype == np.int64
                else len(encode(np.asarray(t, dtype=np.float32), dtype)) for t in tensors.values())
    write_json(os.path.join(out_dir, "model.safetensors.index.json"),
               {"metadata": {"total_size": total}, "weight_map": weight_map})


def encode(array, dtype):
    if dtype == "F32":
        return array.astype("<f4").tobytes()
    if dtype == "F16":
        return array.astype("<f2").tobytes()
    if dtype == "BF16":
        bits = array.astype("<f4").view("<u4")
        rounded = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype("<u2")
        return rounded.tobytes()
    raise ValueError("unknown dtype " + dtype)


class Weights:
    """Seeded random tensors with realistic scales (LayerNorm gains near 1)."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)

    def matrix(self, rows, cols, scale=None):
        scale = scale if scale is not None else 1.0 / np.sqrt(cols)
        return self.rng.normal(0.0, scale, size=(rows, cols)).astype(np.float32)

    def vector(self, n, scale=0.1):
        return self.rng.normal(0.0, scale, size=(n,)).astype(np.float32)

    def gain(self, n):
        return (1.0 + self.rng.normal(0.0, 0.1, size=(n,))).astype(np.float32)


def sinusoidal_table(positions, dim):
    table = np.zeros((positions, dim), dtype=np.float64)
    for pos in range(positions):
        for j in range(dim):
            angle = pos / np.power(10000, 2 * (j // 2) / dim)
            table[pos, j] = np.sin(angle) if j % 2 == 0 else np.cos(angle)
    return table.astype(np.float32)


def bert_like_tensors(w, prefix, vocab_size, positions, type_vocab, norm_names):
    nw, nb = norm_names
    t = {}
    e = prefix + "embeddings."
    t[e + "word_embeddings.weight"] = w.matrix(vocab_size, HIDDEN, 0.5)
    t[e + "position_embeddings.weight"] = w.matrix(positions, HIDDEN, 0.2)
    t[e + "token_type_embeddings.weight"] = w.matrix(type_vocab, HIDDEN, 0.2)
    t[e + "LayerNorm." + nw] = w.gain(HIDDEN)
    t[e + "LayerNorm." + nb] = w.vector(HIDDEN)
    for layer in range(LAYERS):
        p = "%sencoder.layer.%d." % (prefix, layer)
        for part in ("query", "key", "value"):
            t[p + "attention.self." + part + ".weight"] = w.matrix(HIDDEN, HIDDEN)
            t[p + "attention.self." + part + ".bias"] = w.vector(HIDDEN)
        t[p + "attention.output.dense.weight"] = w.matrix(HIDDEN, HIDDEN)
        t[p + "attention.output.dense.bias"] = w.vector(HIDDEN)
        t[p + "attention.output.LayerNorm." + nw] = w.gain(HIDDEN)
        t[p + "attention.output.LayerNorm." + nb] = w.vector(HIDDEN)
        t[p + "intermediate.dense.weight"] = w.matrix(INTERMEDIATE, HIDDEN)
        t[p + "intermediate.dense.bias"] = w.vector(INTERMEDIATE)
        t[p + "output.dense.weight"] = w.matrix(HIDDEN, INTERMEDIATE)
        t[p + "output.dense.bias"] = w.vector(HIDDEN)
        t[p + "output.LayerNorm." + nw] = w.gain(HIDDEN)
        t[p + "output.LayerNorm." + nb] = w.vector(HIDDEN)
    return t


def distilbert_tensors(w, prefix, vocab_size, sinusoidal):
    t = {}
    e = prefix + "embeddings."
    t[e + "word_embeddings.weight"] = w.matrix(vocab_size, HIDDEN, 0.5)
    t[e + "position_embeddings.weight"] = (sinusoidal_table(POSITIONS, HIDDEN) if sinusoidal
                                           else w.matrix(POSITIONS, HIDDEN, 0.2))
    t[e + "LayerNorm.weight"] = w.gain(HIDDEN)
    t[e + "LayerNorm.bias"] = w.vector(HIDDEN)
    for layer in range(LAYERS):
        p = "%stransformer.layer.%d." % (prefix, layer)
        for part in ("q_lin", "k_lin", "v_lin", "out_lin"):
            t[p + "attention." + part + ".weight"] = w.matrix(HIDDEN, HIDDEN)
            t[p + "attention." + part + ".bias"] = w.vector(HIDDEN)
        t[p + "sa_layer_norm.weight"] = w.gain(HIDDEN)
        t[p + "sa_layer_norm.bias"] = w.vector(HIDDEN)
        t[p + "ffn.lin1.weight"] = w.matrix(INTERMEDIATE, HIDDEN)
        t[p + "ffn.lin1.bias"] = w.vector(INTERMEDIATE)
        t[p + "ffn.lin2.weight"] = w.matrix(HIDDEN, INTERMEDIATE)
        t[p + "ffn.lin2.bias"] = w.vector(HIDDEN)
        t[p + "output_layer_norm.weight"] = w.gain(HIDDEN)
        t[p + "output_layer_norm.bias"] = w.vector(HIDDEN)
    return t


def mlm_head(w, family, vocab_size, word_embeddings, decoder, norm_names, bias_alias=False):
    nw, nb = norm_names
    t = {}
    if family == "bert":
        t["cls.predictions.transform.dense.weight"] = w.matrix(HIDDEN, HIDDEN)
        t["cls.predictions.transform.dense.bias"] = w.vector(HIDDEN)
        t["cls.predictions.transform.LayerNorm." + nw] = w.gain(HIDDEN)
        t["cls.predictions.transform.LayerNorm." + nb] = w.vector(HIDDEN)
        t["cls.predictions.bias"] = w.vector(vocab_size, 0.5)
        decoder_name = "cls.predictions.decoder.weight"
    elif family == "distilbert":
        t["vocab_transform.weight"] = w.matrix(HIDDEN, HIDDEN)
        t["vocab_transform.bias"] = w.vector(HIDDEN)
        t["vocab_layer_norm.weight"] = w.gain(HIDDEN)
        t["vocab_layer_norm.bias"] = w.vector(HIDDEN)
        t["vocab_projector.bias"] = w.vector(vocab_size, 0.5)
        decoder_name = "vocab_projector.weight"
    else:
        t["lm_head.dense.weight"] = w.matrix(HIDDEN, HIDDEN)
        t["lm_head.dense.bias"] = w.vector(HIDDEN)
        t["lm_head.layer_norm.weight"] = w.gain(HIDDEN)
        t["lm_head.layer_norm.bias"] = w.vector(HIDDEN)
        t["lm_head.bias"] = w.vector(vocab_size, 0.5)
        decoder_name = "lm_head.decoder.weight"
    if bias_alias and family != "distilbert":
        head_bias = "cls.predictions.bias" if family == "bert" else "lm_head.bias"
        t[decoder_name[:-len("weight")] + "bias"] = t[head_bias].copy()
    if decoder == "untied":
        t[decoder_name] = w.matrix(vocab_size, HIDDEN, 0.5)
    elif decoder == "stored":
        t[decoder_name] = word_embeddings.copy()
    return t


def config_json(family, vocab_size, args, bridge):
    arch_prefix = {"bert": "Bert", "roberta": "Roberta", "xlm-roberta": "XLMRoberta",
                   "distilbert": "DistilBert"}[family]
    arch = arch_prefix + ("Model" if bridge else "ForMaskedLM")
    if family == "distilbert":
        config = {"architectures": [arch], "model_type": "distilbert", "vocab_size": vocab_size,
                  "dim": HIDDEN, "n_layers": LAYERS, "n_heads": HEADS, "hidden_dim": INTERMEDIATE,
                  "activation": args.hidden_act, "max_position_embeddings": POSITIONS,
                  "sinusoidal_pos_embds": bool(args.sinusoidal), "pad_token_id": 0,
                  "dropout": 0.1, "attention_dropout": 0.1, "initializer_range": 0.02,
                  "qa_dropout": 0.1, "seq_classif_dropout": 0.2}
    elif family == "bert":
        config = {"architectures": [arch], "model_type": "bert", "vocab_size": vocab_size,
                  "hidden_size": HIDDEN, "num_hidden_layers": LAYERS,
                  "num_attention_heads": HEADS, "intermediate_size": INTERMEDIATE,
                  "hidden_act": args.hidden_act, "max_position_embeddings": POSITIONS,
                  "type_vocab_size": 2, "layer_norm_eps": 1e-12, "pad_token_id": 0,
                  "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
                  "initializer_range": 0.02, "position_embedding_type": "absolute"}
    else:
        config = {"architectures": [arch], "model_type": family, "vocab_size": vocab_size,
                  "hidden_size": HIDDEN, "num_hidden_layers": LAYERS,
                  "num_attention_heads": HEADS, "intermediate_size": INTERMEDIATE,
                  "hidden_act": args.hidden_act, "max_position_embeddings": POSITIONS + 2,
                  "type_vocab_size": 1, "layer_norm_eps": 1e-5, "pad_token_id": 1,
                  "bos_token_id": 0, "eos_token_id": 2, "hidden_dropout_prob": 0.1,
                  "attention_probs_dropout_prob": 0.1, "initializer_range": 0.02,
                  "position_embedding_type": "absolute"}
    config["torch_dtype"] = {"F32": "float32", "F16": "float16", "BF16": "bfloat16"}[args.dtype]
    config["transformers_version"] = "4.44.0"
    if args.untied:
        config["tie_word_embeddings"] = False
    return config


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as out:
        json.dump(value, out, indent=2, ensure_ascii=False)
        out.write("\n")


def write_tokenizer(out_dir, family, kind, size):
    vocab, sp = vocabulary(family, size)
    if kind == "json":
        write_json(os.path.join(out_dir, "tokenizer.json"), tokenizer_json(vocab, sp))
    else:
        with open(os.path.join(out_dir, "vocab.txt"), "w", encoding="utf-8") as out:
            out.write("\n".join(vocab) + "\n")
    write_json(os.path.join(out_dir, "tokenizer_config.json"), {
        "do_lower_case": True, "cls_token": sp["cls"], "sep_token": sp["sep"],
        "pad_token": sp["pad"], "unk_token": sp["unk"], "mask_token": sp["mask"],
        "model_max_length": POSITIONS, "tokenizer_class": "BertTokenizer"})
    return vocab


def write_bridge_modules(out_dir, pooling, normalize):
    modules = [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
               {"idx": 1, "name": "1", "path": "1_Pooling",
                "type": "sentence_transformers.models.Pooling"}]
    if normalize:
        modules.append({"idx": 2, "name": "2", "path": "2_Normalize",
                        "type": "sentence_transformers.models.Normalize"})
        os.makedirs(os.path.join(out_dir, "2_Normalize"), exist_ok=True)
    write_json(os.path.join(out_dir, "modules.json"), modules)
    os.makedirs(os.path.join(out_dir, "1_Pooling"), exist_ok=True)
    write_json(os.path.join(out_dir, "1_Pooling", "config.json"), {
        "word_embedding_dimension": HIDDEN,
        "pooling_mode_cls_token": pooling == "cls",
        "pooling_mode_mean_tokens": pooling == "mean",
        "pooling_mode_max_tokens": pooling == "max",
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True})
    write_json(os.path.join(out_dir, "sentence_bert_config.json"),
               {"max_seq_length": POSITIONS - 8, "do_lower_case": False})


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("family", choices=["bert", "roberta", "xlm-roberta", "distilbert"])
    parser.add_argument("--bridge", action="store_true")
    parser.add_argument("--pooling", default="mean", choices=["cls", "mean", "max"])
    parser.add_argument("--no-normalize", action="store_true")
    parser.add_argument("--untied", action="store_true")
    parser.add_argument("--store-tied-decoder", action="store_true")
    parser.add_argument("--legacy-norm-names", action="store_true")
    parser.add_argument("--store-bias-alias", action="store_true")
    parser.add_argument("--extra-vocab-tensor", default=None)
    parser.add_argument("--store-position-ids", action="store_true")
    parser.add_argument("--hidden-act", default="gelu")
    parser.add_argument("--dtype", default="F32", choices=["F32", "F16", "BF16"])
    parser.add_argument("--sinusoidal", action="store_true")
    parser.add_argument("--drop", action="append", default=[])
    parser.add_argument("--poison", action="append", default=[])
    parser.add_argument("--tokenizer", default="json", choices=["json", "vocab"])
    parser.add_argument("--shards", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--dims", default="32,4,64,2,40")
    parser.add_argument("--vocab-size", type=int, default=0)
    args = parser.parse_args(argv)

    os.makedirs(args.out_dir, exist_ok=True)
    family = args.family
    global HIDDEN, HEADS, INTERMEDIATE, LAYERS, POSITIONS
    HIDDEN, HEADS, INTERMEDIATE, LAYERS, POSITIONS = (int(v) for v in args.dims.split(","))
    vocab = write_tokenizer(args.out_dir, family, args.tokenizer, args.vocab_size)
    w = Weights(args.seed)
    norm_names = ("gamma", "beta") if args.legacy_norm_names else ("weight", "bias")
    prefix = "" if args.bridge else {"bert": "bert.", "distilbert": "distilbert."}.get(family, "roberta.")
    if family == "distilbert":
        tensors = distilbert_tensors(w, prefix, len(vocab), args.sinusoidal)
    else:
        positions = POSITIONS if family == "bert" else POSITIONS + 2
        type_vocab = 2 if family == "bert" else 1
        tensors = bert_like_tensors(w, prefix, len(vocab), positions, type_vocab, norm_names)
    if args.bridge:
        if family != "distilbert":
            tensors["pooler.dense.weight"] = w.matrix(HIDDEN, HIDDEN)
            tensors["pooler.dense.bias"] = w.vector(HIDDEN)
        write_bridge_modules(args.out_dir, args.pooling, not args.no_normalize)
    else:
        decoder = "untied" if args.untied else ("stored" if args.store_tied_decoder else "absent")
        tensors.update(mlm_head(w, family, len(vocab), tensors[prefix + "embeddings.word_embeddings.weight"],
                                decoder, norm_names, args.store_bias_alias))
    if args.extra_vocab_tensor:
        tensors[args.extra_vocab_tensor] = w.matrix(len(vocab), 3)
    if args.store_position_ids:
        rows = tensors[prefix + "embeddings.position_embeddings.weight"].shape[0]
        tensors[prefix + "embeddings.position_ids"] = np.arange(rows, dtype=np.int64).reshape(1, rows)
    for name in args.drop:
        if name not in tensors:
            raise SystemExit("--drop: no tensor named " + name)
        del tensors[name]
    for name in args.poison:
        flat = tensors[name].reshape(-1)
        flat[3] = np.nan
        flat[5] = np.inf
    if args.shards <= 1:
        write_safetensors(os.path.join(args.out_dir, "model.safetensors"), tensors, args.dtype)
    else:
        write_shards(args.out_dir, tensors, args.dtype, args.shards)
    write_json(os.path.join(args.out_dir, "config.json"), config_json(family, len(vocab), args, args.bridge))


if __name__ == "__main__":
    main(sys.argv[1:])
