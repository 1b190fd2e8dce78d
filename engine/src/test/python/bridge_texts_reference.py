#!/usr/bin/env python3
"""Runs the bridge-text rule and the numpy writer of docs/tools/export_bridge_vectors.py for tests.

Usage:
    bridge_texts_reference.py rule PAIRS_JSON_FILE
        reads [[decoded, raw], ...] and prints the JSON array of bridge_text(decoded, raw)
    bridge_texts_reference.py write OUT_FILE
        writes a small precomputed file (3 texts x 4 dims, model "numpy-test") and prints its
        vectors as JSON
    bridge_texts_reference.py write-vectors IN_JSON OUT_FILE
        reads {"texts": [...], "vectors": [[...], ...], "model": "..."} and writes OUT_FILE with
        the script's own write_safetensors, exactly as the script does after embedding

Only numpy and the standard library are needed (the script's tokenizers and
sentence-transformers imports are lazy).
"""
import importlib.util
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "..", "..", "..", "docs", "tools", "export_bridge_vectors.py")


def load_export_script():
    spec = importlib.util.spec_from_file_location("export_bridge_vectors", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv):
    export = load_export_script()
    if argv[0] == "rule":
        with open(argv[1], encoding="utf-8") as f:
            pairs = json.load(f)
        print(json.dumps([export.bridge_text(decoded, raw) for decoded, raw in pairs]))
    elif argv[0] == "write":
        texts = ["house", "집", "casa"]
        vectors = np.random.default_rng(7).normal(size=(3, 4)).astype(np.float32)
        export.write_safetensors(argv[1], vectors, texts, "numpy-test")
        print(json.dumps(vectors.tolist()))
    elif argv[0] == "write-vectors":
        with open(argv[1], encoding="utf-8") as f:
            request = json.load(f)
        vectors = np.asarray(request["vectors"], dtype=np.float32)
        export.write_safetensors(argv[2], vectors, request["texts"], request["model"])
        print(json.dumps({"rows": int(vectors.shape[0]), "dimension": int(vectors.shape[1])}))
    else:
        raise SystemExit("unknown command " + argv[0])


if __name__ == "__main__":
    main(sys.argv[1:])
