#!/usr/bin/env python3
"""Independent numpy reference of the encoder forward pass, for the Java tests.

Reads a Hugging Face model folder with its own safetensors reader (no torch, no transformers)
and computes, in float64, what transformers would compute for the given token ids:

- "hidden": last hidden states [batch][seq][hidden] of the encoder;
- "logits": masked-language-model logits [batch][seq][vocab] (when the folder has an MLM head);
- "splade": SPLADE vectors [batch][vocab], pooling of log(1 + relu(logits)) * attention_mask
  over the sequence by max (default) or sum;
- "pooled": sentence-transformers embeddings [batch][hidden] (when the folder has modules.json),
  with the pooling of 1_Pooling/config.json and the optional Normalize module.

Usage: reference_encoder.py REQUEST_JSON
REQUEST_JSON holds {"model_dir": str, "input_ids": [[int]], "attention_mask": [[int]],
"splade_pooling": "max"|"sum" (optional)}. The result is printed as one JSON object.

Semantics follow transformers 4.x: BERT/RoBERTa post-LayerNorm layers, additive attention mask,
RoBERTa/XLM-R position ids cumsum(ids != pad) * (ids != pad) + pad, DistilBERT without token
types, BERT head activation = hidden_act, RoBERTa head activation = exact GELU, DistilBERT head
activation = activation, decoder tied to the word embeddings unless its weight is stored.
"""
import json
import math
import os
import struct
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # tiny matrices: threads only add start-up cost

import numpy as np

ERF = np.vectorize(math.erf)


def read_safetensors(path):
    with open(path, "rb") as f:
        (length,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(length).decode("utf-8"))
        data = f.read()
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        raw = data[begin:end]
        dtype = entry["dtype"]
        if dtype == "F32":
            array = np.frombuffer(raw, dtype="<f4")
        elif dtype == "F16":
            array = np.frombuffer(raw, dtype="<f2")
        elif dtype == "BF16":
            array = (np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16).view(np.float32)
        else:
            raise ValueError("unsupported dtype %s of %s" % (dtype, name))
        tensors[name] = array.astype(np.float64).reshape(entry["shape"])
    return tensors


def read_checkpoint(model_dir):
    single = os.path.join(model_dir, "model.safetensors")
    if os.path.exists(single):
        return read_safetensors(single)
    with open(os.path.join(model_dir, "model.safetensors.index.json"), encoding="utf-8") as f:
        index = json.load(f)
    tensors = {}
    for shard in sorted(set(index["weight_map"].values())):
        tensors.update(read_safetensors(os.path.join(model_dir, shard)))
    return tensors


class Params:
    """Tensor lookup relative to the encoder prefix, accepting LayerNorm gamma/beta names."""

    def __init__(self, tensors, prefix):
        self.tensors = tensors
        self.prefix = prefix

    def get(self, name, absolute=False):
        full = name if absolute else self.prefix + name
        if full in self.tensors:
            return self.tensors[full]
        legacy = full.replace(".weight", ".gamma").replace(".bias", ".beta")
        return self.tensors[legacy]

    def has(self, name):
        return name in self.tensors


def layer_norm(x, gain, bias, eps):
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gain + bias


def activation(name):
    if name == "gelu":
        return lambda x: 0.5 * x * (1.0 + ERF(x / math.sqrt(2.0)))
    if name in ("gelu_new", "gelu_pytorch_tanh", "gelu_fast"):
        return lambda x: 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))
    if name == "relu":
        return lambda x: np.maximum(x, 0.0)
    raise ValueError("unsupported activation " + name)


def linear(x, p, name):
    return x @ p.get(name + ".weight").T + p.get(name + ".bias")


def attention(x, mask, heads, q, k, v):
    batch, seq, hidden = x.shape
    d = hidden // heads

    def split(t):
        return t.reshape(batch, seq, heads, d).transpose(0, 2, 1, 3)

    scores = split(q) @ split(k).transpose(0, 1, 3, 2) / math.sqrt(d)
    scores = scores + (1.0 - mask[:, None, None, :]) * -1e30
    scores = scores - scores.max(axis=-1, keepdims=True)
    probs = np.exp(scores)
    probs = probs / probs.sum(axis=-1, keepdims=True)
    context = probs @ split(v)
    return context.transpose(0, 2, 1, 3).reshape(batch, seq, hidden)


def prefix_of(tensors, family):
    candidate = {"bert": "bert.", "distilbert": "distilbert."}.get(family, "roberta.")
    if candidate + "embeddings.word_embeddings.weight" in tensors:
        return candidate
    return ""


def bert_encoder(config, p, ids, mask):
    family = config["model_type"]
    pad = config.get("pad_token_id", 0)
    eps = config.get("layer_norm_eps", 1e-12)
    act = activation(config.get("hidden_act", "gelu"))
    heads = config["num_attention_heads"]
    if family == "bert":
        positions = np.broadcast_to(np.arange(ids.shape[1]), ids.shape)
    else:
        not_pad = (ids != pad).astype(np.int64)
        positions = np.cumsum(not_pad, axis=1) * not_pad + pad
    x = (p.get("embeddings.word_embeddings.weight")[ids]
         + p.get("embeddings.position_embeddings.weight")[positions]
         + p.get("embeddings.token_type_embeddings.weight")[np.zeros_like(ids)])
    x = layer_norm(x, p.get("embeddings.LayerNorm.weight"), p.get("embeddings.LayerNorm.bias"), eps)
    for layer in range(config["num_hidden_layers"]):
        lp = "encoder.layer.%d." % layer
        context = attention(x, mask, heads, linear(x, p, lp + "attention.self.query"),
                            linear(x, p, lp + "attention.self.key"),
                            linear(x, p, lp + "attention.self.value"))
        x = layer_norm(linear(context, p, lp + "attention.output.dense") + x,
                       p.get(lp + "attention.output.LayerNorm.weight"),
                       p.get(lp + "attention.output.LayerNorm.bias"), eps)
        inner = act(linear(x, p, lp + "intermediate.dense"))
        x = layer_norm(linear(inner, p, lp + "output.dense") + x,
                       p.get(lp + "output.LayerNorm.weight"), p.get(lp + "output.LayerNorm.bias"), eps)
    return x


def sinusoidal(positions, dim):
    """transformers' create_sinusoidal_embeddings: sin at even, cos at odd columns."""
    angles = np.array([[pos / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)]
                       for pos in range(positions)])
    table = np.zeros((positions, dim))
    table[:, 0::2] = np.sin(angles[:, 0::2])
    table[:, 1::2] = np.cos(angles[:, 1::2])
    return table


def distilbert_encoder(config, p, ids, mask):
    eps = 1e-12
    act = activation(config.get("activation", "gelu"))
    heads = config["n_heads"]
    positions = np.broadcast_to(np.arange(ids.shape[1]), ids.shape)
    if p.has(p.prefix + "embeddings.position_embeddings.weight"):
        table = p.get("embeddings.position_embeddings.weight")
    else:
        table = sinusoidal(config["max_position_embeddings"], config["dim"])
    x = p.get("embeddings.word_embeddings.weight")[ids] + table[positions]
    x = layer_norm(x, p.get("embeddings.LayerNorm.weight"), p.get("embeddings.LayerNorm.bias"), eps)
    for layer in range(config["n_layers"]):
        lp = "transformer.layer.%d." % layer
        context = attention(x, mask, heads, linear(x, p, lp + "attention.q_lin"),
                            linear(x, p, lp + "attention.k_lin"), linear(x, p, lp + "attention.v_lin"))
        x = layer_norm(linear(context, p, lp + "attention.out_lin") + x,
                       p.get(lp + "sa_layer_norm.weight"), p.get(lp + "sa_layer_norm.bias"), eps)
        inner = act(linear(x, p, lp + "ffn.lin1"))
        x = layer_norm(linear(inner, p, lp + "ffn.lin2") + x,
                       p.get(lp + "output_layer_norm.weight"), p.get(lp + "output_layer_norm.bias"), eps)
    return x


def mlm_logits(config, tensors, p, hidden):
    family = config["model_type"]
    head = Params(tensors, "")
    embeddings = p.get("embeddings.word_embeddings.weight")
    if family == "bert":
        if "cls.predictions.transform.dense.weight" not in tensors:
            return None
        h = activation(config.get("hidden_act", "gelu"))(linear(hidden, head, "cls.predictions.transform.dense"))
        h = layer_norm(h, head.get("cls.predictions.transform.LayerNorm.weight"),
                       head.get("cls.predictions.transform.LayerNorm.bias"), config.get("layer_norm_eps", 1e-12))
        decoder = tensors.get("cls.predictions.decoder.weight", embeddings)
        bias = tensors.get("cls.predictions.bias", tensors.get("cls.predictions.decoder.bias"))
    elif family == "distilbert":
        if "vocab_transform.weight" not in tensors:
            return None
        h = activation(config.get("activation", "gelu"))(linear(hidden, head, "vocab_transform"))
        h = layer_norm(h, head.get("vocab_layer_norm.weight"), head.get("vocab_layer_norm.bias"), 1e-12)
        decoder = tensors.get("vocab_projector.weight", embeddings)
        bias = tensors["vocab_projector.bias"]
    else:
        if "lm_head.dense.weight" not in tensors:
            return None
        h = activation("gelu")(linear(hidden, head, "lm_head.dense"))
        h = layer_norm(h, head.get("lm_head.layer_norm.weight"), head.get("lm_head.layer_norm.bias"),
                       config.get("layer_norm_eps", 1e-12))
        decoder = tensors.get("lm_head.decoder.weight", embeddings)
        bias = tensors.get("lm_head.bias", tensors.get("lm_head.decoder.bias"))
    return h @ decoder.T + bias


def pooled(model_dir, hidden, mask):
    with open(os.path.join(model_dir, "modules.json"), encoding="utf-8") as f:
        modules = json.load(f)
    result = None
    for module in modules:
        kind = module["type"].rsplit(".", 1)[-1]
        if kind == "Pooling":
            with open(os.path.join(model_dir, module["path"], "config.json"), encoding="utf-8") as f:
                cfg = json.load(f)
            m = mask[:, :, None]
            if cfg.get("pooling_mode_cls_token"):
                result = hidden[:, 0, :]
            elif cfg.get("pooling_mode_mean_tokens"):
                result = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
            elif cfg.get("pooling_mode_max_tokens"):
                result = np.where(m > 0, hidden, -1e9).max(axis=1)
            else:
                raise ValueError("unsupported pooling " + json.dumps(cfg))
        elif kind == "Normalize":
            result = result / np.maximum(np.linalg.norm(result, axis=1, keepdims=True), 1e-12)
    return result


def main(argv):
    with open(argv[0], encoding="utf-8") as f:
        request = json.load(f)
    model_dir = request["model_dir"]
    with open(os.path.join(model_dir, "config.json"), encoding="utf-8") as f:
        config = json.load(f)
    tensors = read_checkpoint(model_dir)
    ids = np.asarray(request["input_ids"], dtype=np.int64)
    mask = np.asarray(request["attention_mask"], dtype=np.float64)
    p = Params(tensors, prefix_of(tensors, config["model_type"]))
    if config["model_type"] == "distilbert":
        hidden = distilbert_encoder(config, p, ids, mask)
    else:
        hidden = bert_encoder(config, p, ids, mask)
    result = {"hidden": hidden.tolist()}
    logits = mlm_logits(config, tensors, p, hidden)
    if logits is not None:
        result["logits"] = logits.tolist()
        weights = np.log1p(np.maximum(logits, 0.0)) * mask[:, :, None]
        pooling = request.get("splade_pooling", "max")
        result["splade"] = (weights.max(axis=1) if pooling == "max" else weights.sum(axis=1)).tolist()
    if os.path.exists(os.path.join(model_dir, "modules.json")):
        result["pooled"] = pooled(model_dir, hidden, mask).tolist()
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
