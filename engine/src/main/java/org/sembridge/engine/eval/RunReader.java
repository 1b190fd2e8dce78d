package org.sembridge.engine.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.SequencedMap;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.TextLineReader;

/// Reads a TREC run, `qid Q0 docid rank score tag` separated by whitespace.
///
/// As in trec_eval, the `Q0` and rank columns are ignored (the evaluator ranks by score) and the
/// tag is not checked. Errors name file and line: a wrong column count, a score that is not a
/// finite number, a document retrieved twice for one query, a line longer than the limit (1 MiB
/// by default, refused). Blank lines are ignored; an empty run is a valid run (nothing retrieved).
public final class RunReader {

    private RunReader() {
    }

    /// The run in `file`; documents keep their file order per query.
    ///
    /// @throws InputFormatException for a malformed line (see the class comment)
    public static Run read(Path file) throws IOException, InputFormatException {
        return read(file, TextLineReader.DEFAULT_MAX_LINE_BYTES);
    }

    /// The run in `file` with lines of at most `maxLineBytes` bytes.
    ///
    /// @throws InputFormatException for a malformed line (see the class comment)
    public static Run read(Path file, int maxLineBytes) throws IOException, InputFormatException {
        SequencedMap<String, List<RankedDocument>> rankings = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        try (TextLineReader lines = TextLineReader.open(file, maxLineBytes)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.strip().split("\\s+");
                if (columns.length != 6) {
                    throw lines.error("expected 6 whitespace-separated columns (qid Q0 docid rank score tag), found "
                            + columns.length);
                }
                double score;
                try {
                    score = Double.parseDouble(columns[4]);
                } catch (NumberFormatException e) {
                    throw lines.error("score '" + columns[4] + "' is not a number");
                }
                if (!Double.isFinite(score)) {
                    throw lines.error("score '" + columns[4] + "' is not finite");
                }
                if (!seen.add(columns[0] + '\t' + columns[2])) {
                    throw lines.error("document '" + columns[2] + "' is retrieved twice for query '" + columns[0] + "'");
                }
                rankings.computeIfAbsent(columns[0], q -> new ArrayList<>()).add(new RankedDocument(columns[2], score));
            }
        }
        return new Run(rankings);
    }
}
