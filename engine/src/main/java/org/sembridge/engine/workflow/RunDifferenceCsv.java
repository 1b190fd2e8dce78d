package org.sembridge.engine.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Writes rows of a [RunDifference] as CSV (RFC 4180: comma-separated, a field with a comma,
/// quote or line break quoted, quotes doubled; UTF-8; `\n` line ends), one line per token in the
/// order given:
///
/// ```
/// rank,id,token,kind_a,kind_b,divergence_bits,top_source_a,top_source_b,top_source_changed,support_a,support_b,support_change
/// ```
///
/// The divergence has 6 decimals and is empty for a token that is not comparable. The columns
/// are the keys of [RunDifferenceJson]'s rows. The file is written atomically
/// ([AtomicFiles]): a cancelled or failed export leaves no partial file.
public final class RunDifferenceCsv {

    /// The header line (without line end).
    public static final String HEADER = "rank,id,token,kind_a,kind_b,divergence_bits,top_source_a,top_source_b,"
            + "top_source_changed,support_a,support_b,support_change";

    private static final int BLOCK_ROWS = 4096;

    private RunDifferenceCsv() {
    }

    /// Writes `rows` to `file`, replacing it.
    ///
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` is set; no file is
    ///     written then
    /// @throws IOException when the file cannot be written
    public static void write(List<TokenDifference> rows, Path file, ProgressListener progress,
            CancellationToken cancel) throws IOException, SemBridgeException {
        String stage = "exporting " + rows.size() + " rows";
        StringBuilder csv = new StringBuilder(72 * (rows.size() + 1)).append(HEADER).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            if (i % BLOCK_ROWS == 0) {
                cancel.throwIfCancelled(stage);
                progress.onProgress(stage, i, rows.size());
            }
            appendLine(csv, rows.get(i));
        }
        progress.onProgress(stage, rows.size(), rows.size());
        cancel.throwIfCancelled(stage);
        AtomicFiles.writeString(file, csv.toString());
    }

    /// One row as a CSV line (without line end).
    public static String line(TokenDifference row) {
        StringBuilder line = new StringBuilder(72);
        appendLine(line, row);
        return line.substring(0, line.length() - 1);
    }

    private static void appendLine(StringBuilder csv, TokenDifference row) {
        csv.append(row.rank()).append(',').append(row.id()).append(',').append(field(row.token())).append(',')
                .append(row.kindA().jsonName()).append(',').append(row.kindB().jsonName()).append(',')
                .append(row.comparable() ? String.format(Locale.ROOT, "%.6f", row.divergenceBits()) : "").append(',')
                .append(field(row.topSourceA())).append(',').append(field(row.topSourceB())).append(',')
                .append(row.topSourceChanged()).append(',').append(row.supportA()).append(',').append(row.supportB())
                .append(',').append(row.supportChange()).append('\n');
    }

    /// `text` quoted when it holds a comma, quote or line break.
    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
