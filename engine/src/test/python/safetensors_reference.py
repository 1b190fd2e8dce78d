#!/usr/bin/env python3
"""Independent numpy reference for the safetensors reader and writer tests.

It reads and writes the format with its own few lines of code (no safetensors package):
an unsigned little-endian 64-bit header length, UTF-8 JSON, then raw little-endian bytes.

    safetensors_reference.py write OUT
        Writes OUT with one tensor per dtype (special values included: signed zeros,
        subnormals, infinities, NaN, integer extremes, a scalar, an empty tensor). The header is
        NOT padded, so the data area is unaligned, and the data order is the reverse of the header
        order. Prints the expected values as JSON (see below) on stdout.

    safetensors_reference.py verify FILE EXPECTED_JSON
        Parses FILE and checks it against EXPECTED_JSON: metadata, tensor order, dtypes, shapes,
        values; and the layout a writer must produce (8 + header length a multiple of 8, header
        padded with spaces only, spans contiguous from 0 and covering the data area). Prints
        "ok N tensors"; on a mismatch exits 1 with the reason on stderr.

Expected-values JSON: {"metadata": {...}, "tensors": [{"name", "dtype", "shape", "values"}]}
where "values" are, per element in row-major order, the float32 bit pattern (as an unsigned int)
of the value decoded to float32 for F32/F16/BF16/F64 (F16 via numpy float16, BF16 as the upper
half of a float32, F64 rounded to nearest), and the integer value for integer dtypes and BOOL.
"""
import json
import struct
import sys

import numpy as np

NUMPY_DTYPES = {
    "F64": "<f8", "F32": "<f4", "F16": "<f2", "BF16": "<u2",
    "I64": "<i8", "I32": "<i4", "I16": "<i2", "I8": "i1", "U8": "u1", "BOOL": "u1",
}
FLOATING = {"F64", "F32", "F16", "BF16"}


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def to_float32(dtype, raw):
    """Decodes raw little-endian bytes of a floating dtype to a float32 array."""
    if dtype == "BF16":
        return (np.frombuffer(raw, "<u2").astype("<u4") << 16).view("<f4")
    with np.errstate(over="ignore", invalid="ignore"):  # F64 beyond float32 range becomes infinity
        return np.frombuffer(raw, NUMPY_DTYPES[dtype]).astype("<f4")


def expected_values(dtype, raw):
    if dtype in FLOATING:
        return [int(b) for b in to_float32(dtype, raw).view("<u4")]
    return [int(v) for v in np.frombuffer(raw, NUMPY_DTYPES[dtype])]


def sample_tensors():
    """(name, dtype, shape, raw bytes) in header order."""
    rng = np.random.default_rng(20260521)
    f32_special = np.array([0.0, -0.0, 1.0, -2.5, np.inf, -np.inf, np.nan,
                            np.float32(1e-45), np.finfo(np.float32).max], dtype="<f4")
    f16 = np.concatenate([
        np.array([1.0, -2.5, 2.0 ** -24, 2.0 ** -14, 65504.0, np.inf, -np.inf, np.nan, -0.0], dtype="<f2"),
        rng.normal(size=7).astype("<f2"),
    ]).reshape(4, 4)
    bf16_source = np.concatenate([
        np.array([1.0, -2.5, np.inf, -np.inf, np.nan, -0.0, 2.0 ** -130, 3.0e38], dtype="<f4"),
        rng.normal(size=16).astype("<f4"),
    ])
    bf16 = (bf16_source.view("<u4") >> 16).astype("<u2").reshape(2, 3, 4)
    f64 = np.array([1.0 / 3.0, -0.0, 1e300, -1e300, 1e-320, np.nan, np.pi], dtype="<f8")
    return [
        ("f32.matrix", "F32", [3, 5], rng.normal(size=(3, 5)).astype("<f4").tobytes()),
        ("f32.special", "F32", [9], f32_special.tobytes()),
        ("f16.values", "F16", [4, 4], f16.tobytes()),
        ("bf16.values", "BF16", [2, 3, 4], bf16.tobytes()),
        ("f64.values", "F64", [7], f64.tobytes()),
        ("i64.ids", "I64", [6], np.array([0, -1, 2 ** 62, -2 ** 63, 2 ** 63 - 1, 42], dtype="<i8").tobytes()),
        ("i32.values", "I32", [2, 2], np.array([-2 ** 31, 2 ** 31 - 1, 0, 7], dtype="<i4").tobytes()),
        ("i16.values", "I16", [3], np.array([-32768, 32767, -5], dtype="<i2").tobytes()),
        ("i8.values", "I8", [3], np.array([-128, 127, -1], dtype="i1").tobytes()),
        ("u8.values", "U8", [4], np.array([0, 255, 128, 1], dtype="u1").tobytes()),
        ("bool.mask", "BOOL", [3], np.array([True, False, True], dtype="?").tobytes()),
        ("scalar", "F32", [], np.array(3.5, dtype="<f4").tobytes()),
        ("empty", "F32", [0, 3], b""),
    ]


def write(out_path):
    tensors = sample_tensors()
    metadata = {"format": "pt", "source": "numpy reference \u2713"}
    header = {}
    offset = 0
    spans = {}
    for name, dtype, shape, raw in reversed(tensors):  # data order: reverse of header order
        spans[name] = (offset, offset + len(raw))
        offset += len(raw)
    for index, (name, dtype, shape, raw) in enumerate(tensors):
        if index == 3:
            header["__metadata__"] = metadata
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": list(spans[name])}
    header_bytes = json.dumps(header, ensure_ascii=False).encode("utf-8")
    with open(out_path, "wb") as out:
        out.write(struct.pack("<Q", len(header_bytes)))
        out.write(header_bytes)
        for name, dtype, shape, raw in reversed(tensors):
            out.write(raw)
    expected = {"metadata": metadata, "tensors": [
        {"name": name, "dtype": dtype, "shape": shape, "values": expected_values(dtype, raw)}
        for name, dtype, shape, raw in tensors]}
    print(json.dumps(expected))


def same_float_bits(found, wanted):
    both_nan = np.isnan(np.array(found, dtype="<u4").view("<f4")) & np.isnan(np.array(wanted, dtype="<u4").view("<f4"))
    return bool(np.all((np.array(found) == np.array(wanted)) | both_nan))


def verify(path, expected_path):
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    if (8 + n) % 8 != 0:
        fail(f"{path}: 8 + header length {n} is not a multiple of 8")
    text = blob[8:8 + n].decode("utf-8")
    stripped = text.rstrip(" ")
    if not stripped.endswith("}"):
        fail(f"{path}: header must be JSON padded with spaces only, found tail {text[-12:]!r}")
    header = json.loads(text, object_pairs_hook=lambda pairs: dict(pairs))
    data = blob[8 + n:]
    metadata = header.pop("__metadata__", {})
    if metadata != expected["metadata"]:
        fail(f"{path}: metadata: expected {expected['metadata']}, found {metadata}")
    names = list(header.keys())
    wanted_names = [t["name"] for t in expected["tensors"]]
    if names != wanted_names:
        fail(f"{path}: tensor order: expected {wanted_names}, found {names}")
    offset = 0
    for want in expected["tensors"]:
        name = want["name"]
        entry = header[name]
        begin, end = entry["data_offsets"]
        if begin != offset:
            fail(f"{path}: tensor {name}: expected data to start at {offset}, found {begin}")
        offset = end
        if entry["dtype"] != want["dtype"] or entry["shape"] != want["shape"]:
            fail(f"{path}: tensor {name}: expected {want['dtype']}{want['shape']}, "
                 f"found {entry['dtype']}{entry['shape']}")
        raw = data[begin:end]
        count = int(np.prod(want["shape"], dtype=np.int64))
        if len(raw) != count * np.dtype(NUMPY_DTYPES[want["dtype"]]).itemsize:
            fail(f"{path}: tensor {name}: span of {len(raw)} bytes does not fit shape {want['shape']}")
        found = expected_values(want["dtype"], raw)
        ok = same_float_bits(found, want["values"]) if want["dtype"] in FLOATING else found == want["values"]
        if not ok:
            fail(f"{path}: tensor {name}: expected values {want['values']}, found {found}")
    if offset != len(data):
        fail(f"{path}: spans end at {offset}, but the data area has {len(data)} bytes")
    print(f"ok {len(names)} tensors")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "write":
        write(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "verify":
        verify(sys.argv[2], sys.argv[3])
    else:
        fail(__doc__)
