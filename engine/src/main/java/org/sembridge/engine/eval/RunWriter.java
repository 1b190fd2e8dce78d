package org.sembridge.engine.eval;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sembridge.engine.io.AtomicFiles;

/// Writes a run in TREC format, `qid Q0 docid rank score tag`, one line per retrieved document,
/// atomically.
///
/// Ranks are 1-based positions in the run's order. Scores are written in the shortest form that
/// reads back to the same value (a float-valued score as a float), so that re-reading the file
/// gives the same trec_eval ordering as the run in memory.
public final class RunWriter {

    private RunWriter() {
    }

    /// Writes `run` to `file` with run tag `tag`.
    ///
    /// @param tag the run name in the last column; non-empty, no whitespace
    public static void write(Path file, Run run, String tag) throws IOException {
        if (tag.isEmpty() || tag.codePoints().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("run tag must be non-empty without whitespace, got '" + tag + "'");
        }
        AtomicFiles.write(file, out -> {
            Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (Map.Entry<String, List<RankedDocument>> entry : run.rankings().entrySet()) {
                int rank = 1;
                for (RankedDocument document : entry.getValue()) {
                    text.write(entry.getKey() + " Q0 " + document.docId() + " " + rank++ + " "
                            + formatScore(document.score()) + " " + tag + "\n");
                }
            }
            text.flush();
        });
    }

    static String formatScore(double score) {
        float single = (float) score;
        return single == score ? Float.toString(single) : Double.toString(score);
    }
}
