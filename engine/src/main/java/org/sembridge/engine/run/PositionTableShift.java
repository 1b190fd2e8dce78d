package org.sembridge.engine.run;

/// Moves a RoBERTa-family position table when the padding id changes, so that every real token
/// keeps its trained position row.
///
/// RoBERTa and XLM-R derive position ids from the input ids, as transformers'
/// `create_position_ids_from_input_ids`: `cumsum(ids != pad) * (ids != pad) + pad`. The `i`-th
/// real token (0-based) therefore reads row `pad + 1 + i` and padding reads row `pad`. When the
/// adapted model takes the target tokenizer's padding id `p_t` instead of the source's `p_s`
/// (so that no real target token, say `[UNK]` at id 1, is mistaken for padding), the table is
/// rebuilt with
///
/// `new[r] = old[r + p_s - p_t]` (zero where that row does not exist),
///
/// which keeps `new[p_t + 1 + i] = old[p_s + 1 + i]` for every position `i` and the padding row
/// `new[p_t] = old[p_s]`. The table gets `rows - p_s + p_t` rows, so the usable positions
/// (`max_position_embeddings - pad - 1`) stay those of the source. Rows below the padding row are
/// never read by the model; those without a source row are zero. A large target padding id
/// (Qwen's `<|endoftext|>` is 151,643) grows the table by that many unused rows; transformers
/// requires `pad < max_position_embeddings`, so there is no smaller table with these semantics.
///
/// @param sourcePad the source's `pad_token_id`, `>= 0`
/// @param targetPad the target tokenizer's padding id, `>= 0`
/// @param sourceRows the source's `max_position_embeddings`, `> sourcePad`
record PositionTableShift(int sourcePad, int targetPad, int sourceRows) {

    PositionTableShift {
        if (sourcePad < 0 || targetPad < 0 || sourceRows <= sourcePad) {
            throw new IllegalArgumentException("need 0 <= sourcePad < sourceRows and targetPad >= 0, got pad "
                    + sourcePad + " -> " + targetPad + " with " + sourceRows + " rows");
        }
    }

    /// Rows of the new table, `sourceRows - sourcePad + targetPad`.
    int targetRows() {
        return sourceRows - sourcePad + targetPad;
    }

    /// Whether the table changes at all.
    boolean changes() {
        return sourcePad != targetPad;
    }

    /// The shifted table, `[targetRows(), hidden]` row-major, from `table` `[sourceRows, hidden]`.
    ///
    /// @throws IllegalArgumentException when `table` is not `sourceRows x hidden` or the new table
    ///     exceeds one Java array
    float[] shift(float[] table, int hidden) {
        if (hidden < 1 || table.length != (long) sourceRows * hidden) {
            throw new IllegalArgumentException("position table of " + table.length + " values is not " + sourceRows
                    + " x " + hidden);
        }
        long size = (long) targetRows() * hidden;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a position table of " + targetRows() + " x " + hidden
                    + " exceeds one array");
        }
        float[] shifted = new float[(int) size];
        int offset = sourcePad - targetPad;
        for (int row = 0; row < targetRows(); row++) {
            int from = row + offset;
            if (from >= 0 && from < sourceRows) {
                System.arraycopy(table, from * hidden, shifted, row * hidden, hidden);
            }
        }
        return shifted;
    }
}
