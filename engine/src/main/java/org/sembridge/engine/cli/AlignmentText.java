package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;

import com.google.gson.JsonElement;

import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.NearestSource;
import org.sembridge.engine.run.SourceWeight;
import org.sembridge.engine.workflow.InspectedTokenJson;

/// Formats one target token's [AlignmentRecord] for `inspect` and `compare`: as text lines or as
/// the JSON object of `alignments.jsonl`.
final class AlignmentText {

    private AlignmentText() {
    }

    /// Text lines: kind, sources with weights and similarities, support and entropy, nearest
    /// sources, bias. Every line is indented by `indent`.
    static void print(PrintWriter out, AlignmentRecord record, String indent) {
        out.printf(Locale.ROOT, "%stoken %s (id %d): %s%s%n", indent, record.token(), record.id(),
                record.kind().jsonName(), record.isCopy() ? ", copied from source id " + record.overlapSourceId() : "");
        if (record.bridgeUnknown()) {
            out.printf(Locale.ROOT, "%s  its bridge text embeds like the bridge's unknown token%n", indent);
        }
        if (!record.rule().isEmpty()) {
            out.printf(Locale.ROOT, "%s  no source tokens: row filled by the rule %s (%s)%n", indent, record.rule(),
                    record.rule().equals("byte_mean") ? "mean of the target tokens containing its bytes"
                            : "mean of the source rows");
        } else if (record.sources().isEmpty()) {
            out.printf(Locale.ROOT, "%s  no source tokens (statistical baseline)%n", indent);
        } else {
            out.printf(Locale.ROOT, "%s  sources: support %d, entropy %.3f nats%s%n", indent, record.support(),
                    record.entropyNats(), record.truncated() ? " (softmax: only the largest weights listed)" : "");
            for (SourceWeight source : record.sources()) {
                out.printf(Locale.ROOT, "%s    %.4f  %-20s id %-6d %s%n", indent, source.weight(), source.token(),
                        source.id(), Float.isNaN(source.similarity()) ? "copy"
                                : String.format(Locale.ROOT, "similarity %.4f", source.similarity()));
            }
        }
        if (!record.nearest().isEmpty()) {
            out.printf(Locale.ROOT, "%s  nearest source tokens:%n", indent);
            for (NearestSource near : record.nearest()) {
                out.printf(Locale.ROOT, "%s    %.4f  %-20s id %d%n", indent, near.similarity(), near.token(), near.id());
            }
        }
        out.printf(Locale.ROOT, "%s  decoder bias %.6f%n", indent, record.bias());
    }

    /// The record as a JSON tree (the `alignments.jsonl` object).
    static JsonElement json(AlignmentRecord record) {
        return InspectedTokenJson.record(record);
    }
}
