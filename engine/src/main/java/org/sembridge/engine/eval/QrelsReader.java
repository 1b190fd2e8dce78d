package org.sembridge.engine.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.TextLineReader;

/// Reads relevance judgements.
///
/// Format: TREC qrels, `qid iteration docid grade` separated by whitespace (the iteration column
/// is ignored, as by trec_eval). Also accepted: BEIR's `qrels/*.tsv`, recognised by its header line
/// `query-id TAB corpus-id TAB score`, then three columns per line. Grades are integers.
///
/// Errors name file and line: invalid UTF-8, a wrong column count, a non-integer grade, a
/// document judged twice for one query, a line longer than the limit (1 MiB by default, refused),
/// and a file without any judgement (every score would be 0). Blank lines are ignored. Whether the queries and documents
/// exist is not checked here; see [QrelsCoverage].
public final class QrelsReader {

    private static final String BEIR_HEADER = "query-id\tcorpus-id\tscore";

    private QrelsReader() {
    }

    /// All judgements of `file`.
    ///
    /// @throws InputFormatException for a malformed line (see the class comment)
    public static Qrels read(Path file) throws IOException, InputFormatException {
        return read(file, TextLineReader.DEFAULT_MAX_LINE_BYTES);
    }

    /// All judgements of `file`, with lines of at most `maxLineBytes` bytes.
    ///
    /// @throws InputFormatException for a malformed line (see the class comment)
    public static Qrels read(Path file, int maxLineBytes) throws IOException, InputFormatException {
        SequencedMap<String, Map<String, Integer>> judgements = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        try (TextLineReader lines = TextLineReader.open(file, maxLineBytes)) {
            boolean beir = false;
            String line;
            while ((line = lines.readLine()) != null) {
                if (lines.lineNumber() == 1 && line.strip().equals(BEIR_HEADER)) {
                    beir = true;
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.strip().split("\\s+");
                if (columns.length != (beir ? 3 : 4)) {
                    throw lines.error(beir
                            ? "expected 3 tab-separated columns (query-id corpus-id score), found " + columns.length
                            : "expected 4 whitespace-separated columns (qid iteration docid grade), found "
                                    + columns.length);
                }
                String queryId = columns[0];
                String docId = columns[columns.length - 2];
                int grade;
                try {
                    grade = Integer.parseInt(columns[columns.length - 1]);
                } catch (NumberFormatException e) {
                    throw lines.error("relevance grade '" + columns[columns.length - 1] + "' is not an integer");
                }
                Integer first = firstLine.putIfAbsent(queryId + '\t' + docId, lines.lineNumber());
                if (first != null) {
                    throw lines.error("document '" + docId + "' is judged twice for query '" + queryId
                            + "' (first at line " + first + ")");
                }
                judgements.computeIfAbsent(queryId, q -> new LinkedHashMap<>()).put(docId, grade);
            }
        }
        if (judgements.isEmpty()) {
            throw new InputFormatException(file + ": holds no relevance judgements; expected lines"
                    + " 'qid iteration docid grade' (TREC) or a BEIR header '" + BEIR_HEADER.replace('\t', ' ')
                    + "' and rows");
        }
        return new Qrels(judgements);
    }
}
