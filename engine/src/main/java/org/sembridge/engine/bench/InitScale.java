package org.sembridge.engine.bench;

/// One target-vocabulary size an [InitBenchmark] runs at, and how many of its rows it
/// actually aligns.
///
/// When `measuredRows < targetCount` the rows are spread evenly over the vocabulary
/// ([#measuredRowIds()]) and times are extrapolated linearly by [#extrapolationFactor()]: every
/// row costs the same GEMM work (`nS D` multiply-adds) and, on synthetic rows drawn alike, the
/// same entmax work, so the time is linear in rows; memory is reported as measured.
///
/// @param name a label, e.g. `paper` or `xlmr`
/// @param targetCount target tokens `nT` (all of them are generated and held), `>= 1`
/// @param measuredRows rows aligned, `1 <= measuredRows <= targetCount`
public record InitScale(String name, int targetCount, int measuredRows) {

    /// The paper's target vocabularies (ARBERT, kobigbird, ...): about 32,000 tokens.
    public static final int PAPER_TARGETS = 32_000;

    /// XLM-RoBERTa's vocabulary (also bge-m3's): 250,002 tokens.
    public static final int XLMR_TARGETS = 250_002;

    /// Validates the counts.
    ///
    /// @throws IllegalArgumentException when a count is outside its range
    public InitScale {
        if (targetCount < 1 || measuredRows < 1 || measuredRows > targetCount) {
            throw new IllegalArgumentException("need 1 <= measuredRows <= targetCount, got " + measuredRows + " of "
                    + targetCount);
        }
    }

    /// Whether only some rows are aligned and times are extrapolated.
    public boolean extrapolated() {
        return measuredRows < targetCount;
    }

    /// `targetCount / measuredRows`, 1 when every row is measured.
    public double extrapolationFactor() {
        return (double) targetCount / measuredRows;
    }

    /// The aligned rows, ascending and evenly spread: `floor(k targetCount / measuredRows)`.
    public int[] measuredRowIds() {
        int[] rows = new int[measuredRows];
        for (int k = 0; k < measuredRows; k++) {
            rows[k] = (int) ((long) k * targetCount / measuredRows);
        }
        return rows;
    }
}
