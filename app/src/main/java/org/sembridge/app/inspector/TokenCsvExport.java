package org.sembridge.app.inspector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.SourceWeight;

/// Writes inspector rows as CSV (RFC 4180: comma-separated, fields with a comma, quote or line
/// break quoted, quotes doubled; UTF-8; `\n` line ends), one line per token in table order:
///
/// ```
/// id,token,kind,support,entropy_nats,lexicon,source_1,weight_1,similarity_1,...,source_5,weight_5,similarity_5
/// ```
///
/// Weights and similarities have 6 decimals; a similarity is empty for an overlap copy, and the
/// source columns are empty beyond a token's listed sources. The file is written atomically
/// (`AtomicFiles`): a cancelled or failed export leaves no partial file.
public final class TokenCsvExport {

    /// Source columns per line: the heaviest sources.
    public static final int SOURCES = 5;

    private static final int BLOCK_ROWS = 2048;

    private TokenCsvExport() {
    }

    /// The header line (without line end).
    public static String header() {
        StringBuilder header = new StringBuilder("id,token,kind,support,entropy_nats,lexicon");
        for (int k = 1; k <= SOURCES; k++) {
            header.append(",source_").append(k).append(",weight_").append(k).append(",similarity_").append(k);
        }
        return header.toString();
    }

    /// Writes `rows` (target ids of `run`, in this order) to `file`.
    ///
    /// @param figures the run's figures (for the lexicon outcome)
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` is set; no file
    ///     is written then
    /// @throws IOException when a record cannot be read or the file cannot be written
    public static void write(LoadedRun run, TokenFigures figures, int[] rows, Path file, ProgressListener progress,
            CancellationToken cancel) throws IOException, SemBridgeException {
        String stage = "exporting " + rows.length + " tokens";
        StringBuilder csv = new StringBuilder(64 * (rows.length + 1)).append(header()).append('\n');
        for (int i = 0; i < rows.length; i++) {
            if (i % BLOCK_ROWS == 0) {
                cancel.throwIfCancelled(stage);
                progress.onProgress(stage, i, rows.length);
            }
            appendLine(csv, run.token(rows[i]), figures.lexicon(rows[i]));
        }
        progress.onProgress(stage, rows.length, rows.length);
        AtomicFiles.writeString(file, csv.toString());
    }

    private static void appendLine(StringBuilder csv, AlignmentRecord record, LexiconOutcome lexicon) {
        csv.append(record.id()).append(',').append(field(record.token())).append(',')
                .append(record.kind().jsonName()).append(',').append(record.support()).append(',')
                .append(decimal(record.entropyNats())).append(',').append(field(lexicon.label()));
        List<SourceWeight> sources = record.sources();
        for (int k = 0; k < SOURCES; k++) {
            if (k < sources.size()) {
                SourceWeight source = sources.get(k);
                csv.append(',').append(field(source.token())).append(',').append(decimal(source.weight()))
                        .append(',').append(Float.isNaN(source.similarity()) ? "" : decimal(source.similarity()));
            } else {
                csv.append(",,,");
            }
        }
        csv.append('\n');
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    /// `text` quoted when it holds a comma, quote or line break.
    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
