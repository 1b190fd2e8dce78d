#!/usr/bin/env python3
"""Writes the figures of docs/benchmarks.md from the JSON that docs/run-benchmarks.sh collected.

Usage: render_benchmarks.py DIR docs/benchmarks.md
DIR holds machine.txt, optionally notes.txt (one remark per line about how the run deviated from
one plain `docs/run-benchmarks.sh`), and, per bench command NAME (init, encode, search, project), NAME.json
(the command's --json output) and NAME.uptime (`uptime` before and after, and the wall seconds).
Everything between the BEGIN/END GENERATED FIGURES markers of the Markdown file is replaced;
a missing command is reported as not run.
"""
import json
import os
import re
import sys

BEGIN = "<!-- BEGIN GENERATED FIGURES (docs/run-benchmarks.sh) -->"
END = "<!-- END GENERATED FIGURES -->"
MIB = 1 << 20


def load(directory, name):
    path = os.path.join(directory, name + ".json")
    if not os.path.exists(path):
        return None, None
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    uptime = []
    wall = None
    up = os.path.join(directory, name + ".uptime")
    if os.path.exists(up):
        with open(up, encoding="utf-8") as f:
            for line in f:
                m = re.search(r"load average: ([0-9.]+), ([0-9.]+), ([0-9.]+)", line)
                if m:
                    uptime.append("%s / %s / %s" % m.groups())
                elif line.startswith("wall_seconds:"):
                    wall = int(line.split(":")[1])
    return data, (uptime, wall)


def loads(info):
    uptime, wall = info
    before = uptime[0] if uptime else "?"
    after = uptime[1] if len(uptime) > 1 else "?"
    text = "load average (1 / 5 / 15 min, `uptime`) **%s before, %s after**" % (before, after)
    if wall is not None:
        text += "; the command took %d min %d s" % (wall // 60, wall % 60)
    return text


def fmt(value, digits=2):
    if value is None or (isinstance(value, (int, float)) and value < 0):
        return "n/a"
    return "%.*f" % (digits, value)


def mib(value):
    return "n/a" if value is None or value < 0 else "{:,.0f}".format(value / MIB)


def init_section(data, info):
    out = ["### `bench init`", "", loads(info) + ".", ""]
    env = data["environment"]
    s = data["settings"]
    out.append("%d sources, D %d, d %d, alpha %s, K %d, seed %d; similarity blocks on %s; OpenBLAS: %s." % (
        s["source_count"], s["bridge_dimension"], s["model_dimension"], s["alpha"], s["top_k"], s["seed"],
        data["scales"][0].get("similarity_backend", "?"), env.get("openblas", "?")))
    out.append("")
    out.append("| scale | \\|V_t\\| | rows measured | step s | reference s (GEMM + top-%d) | step / reference | "
               "blocks GFLOP/s | reference GEMM GFLOP/s | blocks / reference GEMM | +RSS step MiB | of which output "
               "MiB | full matrix would be MiB |" % s["top_k"])
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in data["scales"]:
        ref = r.get("reference") or {}
        rows = "{:,}".format(r["measured_rows"]) + (" (extrapolated)" if r["extrapolated"] else "")
        out.append("| %s | {:,} | %s | %s | %s (%s + %s) | **%s** | %s | %s | **%s** | %s | %s | %s |".format(
            r["target_count"]) % (
            r["name"], rows, fmt(r["all_rows_step_seconds"], 1), fmt(ref.get("all_rows_seconds"), 1),
            fmt(ref.get("gemm_seconds"), 1), fmt(ref.get("select_seconds"), 1), fmt(r.get("step_to_reference")),
            fmt(r.get("block_gflops_per_second"), 1), fmt(ref.get("gemm_gflops_per_second"), 1),
            fmt(r.get("blocks_to_reference_gemm")), mib(r["step_extra_rss_bytes"]), mib(r.get("output_bytes")),
            mib(r["full_matrix_bytes"])))
    out.append("")
    for r in data["scales"]:
        st = r["statistics"]
        out.append("- %s: %d rows exact on top-%d, %d widened, %d on the full row; support mean %.2f, max %d; "
                   "step GEMM part %s s, Java per-row work %s s; inputs held %s MiB." % (
                       r["name"], st["exact_on_top_k"], st["top_k"], st["widened"], st["full_row"],
                       st["mean_support"], st["max_support"], fmt(r.get("step_gemm_seconds"), 1),
                       fmt(st["solve_seconds"], 1), mib(r["input_bytes"])))
    scratch = env.get("kept_native_scratch_bytes", 0)
    if scratch:
        out.append("- Not in +RSS step: %s MiB of off-heap scratch (normalised sources and one block) that the "
                   "OpenBLAS path keeps between calls; the untimed warm-up allocated it, so it was resident when "
                   "the window opened. Working memory of the step = +RSS - output + this." % mib(scratch))
    fm = data.get("full_matrix")
    if fm:
        out.append("- Full-matrix route (the reference implementation's, matrix materialised) at {:,} x {:,}: "
                   "%s s and +%s MiB vs top-K %s s and +%s MiB; max weight difference %s, %d rows with another "
                   "support.".format(fm["rows"], fm["source_count"]) % (
                       fmt(fm["full_matrix_seconds"], 1), mib(fm["full_matrix_extra_rss_bytes"]),
                       fmt(fm["top_k_seconds"], 1), mib(fm["top_k_extra_rss_bytes"]), fm["max_weight_difference"],
                       fm["rows_with_other_support"]))
    br = data.get("bridge")
    if br:
        out.append("- Bridge step: a random encoder of %d layers, hidden %d, vocabulary {:,} embeds %.1f token "
                   "strings/s; {:,} vocabulary entries would take about %.0f min.".format(
                       br["vocab"], br["estimate_tokens"]) % (
                       br["layers"], br["hidden"], br["texts_per_second"], br["estimate_minutes"]))
    out.append("")
    return out


def encode_section(data, info):
    out = ["### `bench encode`", "", loads(info) + ".", ""]
    out.append("| model | texts/s | tokens/s | GFLOP/text | GFLOP/s | DJL matmul GFLOP/s | ratio | OpenBLAS GFLOP/s | "
               "ratio to OpenBLAS |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for m in data["models"]:
        blas = m.get("openblas_reference") or {}
        out.append("| %s (%d layers, h %d) | %s | %s | %s | %s | %s | %s | %s | **%s** |" % (
            m["model"], m["layers"], m["hidden"], fmt(m["texts_per_second"]), fmt(m["tokens_per_second"], 0),
            fmt(m["flops_per_text"] / 1e9, 3), fmt(m["gflops_per_second"], 1), fmt(m["matmul"]["gflops_per_second"], 1),
            fmt(m["matmul_ratio"]), fmt(blas.get("gflops_per_second"), 1), fmt(m.get("openblas_ratio"))))
    out.append("")
    return out


def search_section(data, info):
    out = ["### `bench search`", "", loads(info) + ".", ""]
    s = data["settings"]
    out.append("| documents | queries | indexing s | docs/s | index MiB | p50 ms | p95 ms | p99 ms | CPU p50 ms |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    out.append("| {:,} | {:,} | %s | %s | %s | %s | %s | %s | %s |".format(s["documents"], s["queries"]) % (
        fmt(data["indexing_seconds"], 1), fmt(data["documents_per_second"], 0), mib(data["index_bytes"]),
        fmt(data["latency_ms"]["p50"]), fmt(data["latency_ms"]["p95"]), fmt(data["latency_ms"]["p99"]),
        fmt(data["cpu_ms"]["p50"])))
    out.append("")
    return out


def project_section(data, info):
    out = ["### `bench project`", "", loads(info) + ".", ""]
    out.append("{:,} points x {:,} dimensions, seed {}.".format(data["points"], data["dimension"], data["seed"]))
    out.append("")
    out.append("| method | projection s | process CPU s | quality s | trustworthiness@10 |")
    out.append("|---|---:|---:|---:|---:|")
    for m in data["methods"]:
        out.append("| %s | %s | %s | %s | %s |" % (m["method"], fmt(m["projection_seconds"]),
                                                   fmt(m["projection_cpu_seconds"]), fmt(m["quality_seconds"]),
                                                   fmt(m["trustworthiness_at_10"], 3)))
    out.append("")
    return out


def main():
    directory, markdown = sys.argv[1], sys.argv[2]
    lines = [BEGIN, "", "## Figures", ""]
    machine = os.path.join(directory, "machine.txt")
    if os.path.exists(machine):
        with open(machine, encoding="utf-8") as f:
            lines.append("Machine and run (`docs/benchmarks/machine.txt`):")
            lines.append("")
            lines.extend("- " + line.rstrip() for line in f if line.strip())
            lines.append("")
    notes = os.path.join(directory, "notes.txt")
    if os.path.exists(notes):
        with open(notes, encoding="utf-8") as f:
            lines.append("How this regeneration ran (`docs/benchmarks/notes.txt`):")
            lines.append("")
            lines.extend("- " + line.rstrip() for line in f if line.strip())
            lines.append("")
    for name, section in (("init", init_section), ("encode", encode_section), ("search", search_section),
                          ("project", project_section)):
        data, info = load(directory, name)
        if data is None:
            lines.extend(["### `bench %s`" % name, "", "Not run in this regeneration.", ""])
        else:
            lines.extend(section(data, info))
    lines.append(END)
    with open(markdown, encoding="utf-8") as f:
        text = f.read()
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + "\n".join(lines) + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    with open(markdown, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
