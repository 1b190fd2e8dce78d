package org.sembridge.app.diff;

import java.util.Locale;
import org.sembridge.engine.workflow.TokenDifference;

/// Which rows of a run diff the table keeps.
///
/// @param text kept when the token or either top source contains it, case-insensitive; empty
///     for any
/// @param topSourceChangedOnly keep only tokens whose heaviest source changed
/// @param minDivergenceBits keep only tokens with at least this divergence (bits, `[0, 1]`); 0
///     keeps every token, the not comparable ones included
public record DiffFilter(String text, boolean topSourceChangedOnly, double minDivergenceBits) {

    /// Keeps every row.
    public static final DiffFilter NONE = new DiffFilter("", false, 0.0);

    /// Normalises the text.
    public DiffFilter {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    /// Whether `row` is kept.
    public boolean keeps(TokenDifference row) {
        if (topSourceChangedOnly && !row.topSourceChanged()) {
            return false;
        }
        if (minDivergenceBits > 0 && !(row.comparable() && row.divergenceBits() >= minDivergenceBits)) {
            return false;
        }
        return text.isEmpty() || contains(row.token()) || contains(row.topSourceA()) || contains(row.topSourceB());
    }

    private boolean contains(String value) {
        return value.toLowerCase(Locale.ROOT).contains(text);
    }
}
