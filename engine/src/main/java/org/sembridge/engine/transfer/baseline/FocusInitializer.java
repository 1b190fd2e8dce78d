package org.sembridge.engine.transfer.baseline;

import java.util.List;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.AlignmentOptions;
import org.sembridge.engine.transfer.AlignmentResult;
import org.sembridge.engine.transfer.BlockedCosineSimilarity;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.TokenAlignment;
import org.sembridge.engine.transfer.TopKSupportSearch;

/// The FOCUS baseline (Dobler and de Melo, EMNLP 2023): `E_t[x] = sum_o p_x,o E_s[o]` with
/// `p_x = sparsemax(cos(b(x), b(o)))` over the OVERLAPPING source tokens `o` only
/// ([InitializationInput#overlapSourceIds()]), no temperature.
///
/// Deviation from FOCUS: FOCUS measures similarity in an auxiliary fastText space trained on
/// target-language text (target-side vectors of the overlapping tokens); here the bridge vectors
/// (the multilingual sentence encoder SemBridge uses) serve as the auxiliary space, so FOCUS and
/// SemBridge differ only in the candidate set and in `alpha` (2 here, 4 in the paper's SemBridge).
/// FOCUS lists one candidate per overlapping TARGET token; here each distinct source token is one
/// candidate. FOCUS's random initialisation of tokens without a fastText vector has no
/// counterpart: every token has a bridge vector.
///
/// The plan restricts the source bridge matrix to the overlap rows and runs the exact
/// [TopKSupportSearch] with `alpha = 2` on it, then maps the ids back to source ids, so the
/// [InitializationPlan#alignments()] (support and nearest list, both among the overlapping
/// tokens) name source ids as every other method's do.
public final class FocusInitializer implements EmbeddingInitializer {

    /// The method name.
    public static final String NAME = "focus";
    /// How FOCUS describes itself.
    public static final TransferMethod METHOD = new TransferMethod(NAME, "FOCUS",
            "FOCUS: sparsemax over the overlapping source tokens only", false, true,
            (alpha, seed) -> "FOCUS auxiliary space = the bridge vectors (not fastText): sparsemax over the bridge "
                    + "similarities to the OVERLAPPING source tokens only; alpha is not used",
            options -> new FocusInitializer(options.maxBlockBytes()));
    /// Sparsemax.
    public static final double ALPHA = 2.0;

    private final AlignmentOptions options;

    /// FOCUS with similarity blocks of at most 128 MiB.
    public FocusInitializer() {
        this(BlockedCosineSimilarity.DEFAULT_MAX_BLOCK_BYTES);
    }

    /// FOCUS with similarity blocks of at most `maxBlockBytes` (`>= 4`).
    public FocusInitializer(long maxBlockBytes) {
        this.options = new AlignmentOptions(ALPHA, AlignmentOptions.DEFAULT_TOP_K, maxBlockBytes);
    }

    @Override
    public TransferMethod method() {
        return METHOD;
    }

    /// Aligns every new target token to the overlapping source tokens.
    ///
    /// @throws InputFormatException when no source token overlaps (FOCUS has nothing to combine)
    ///     or the bridge matrices do not match
    /// @throws OperationCancelledException when cancelled
    /// @throws IllegalArgumentException when the overlap ids are not ascending, distinct and
    ///     within the source vocabulary
    @Override
    public InitializationPlan plan(InitializationInput input, ProgressListener progress, CancellationToken cancel)
            throws InputFormatException, OperationCancelledException {
        BridgeInputs.require(input, NAME);
        int[] overlap = input.overlapSourceIds();
        int sourceCount = input.sourceBridge().rows();
        if (overlap.length == 0) {
            throw new InputFormatException("focus builds new tokens from the overlapping source tokens only, but the "
                    + "overlap copy matched none of the " + input.targetBridge().rows() + " target tokens to any of the "
                    + sourceCount + " source tokens; expected at least one overlapping token (use sembridge, or "
                    + "enable fuzzy or symbol matching)");
        }
        requireAscendingIds(overlap, sourceCount);
        cancel.throwIfCancelled("planning " + NAME);
        AlignmentResult restricted = new TopKSupportSearch(input.device()).search(input.targetBridge(),
                selectRows(input.sourceBridge(), overlap), input.newTargetIds(), options, progress, cancel);
        List<TokenAlignment> alignments = restricted.alignments().stream()
                .map(alignment -> toSourceIds(alignment, overlap))
                .toList();
        return new WeightedRowsPlan(alignments, sourceCount);
    }

    /// Ascending and distinct, so that the order "equal weights by ascending id" survives the
    /// mapping from overlap positions to source ids.
    private static void requireAscendingIds(int[] ids, int sourceCount) {
        for (int k = 0; k < ids.length; k++) {
            if (ids[k] < 0 || ids[k] >= sourceCount || (k > 0 && ids[k] <= ids[k - 1])) {
                throw new IllegalArgumentException("overlap source id " + ids[k] + " at index " + k
                        + " is not ascending, distinct and in [0, " + sourceCount + ")");
            }
        }
    }

    private static FloatMatrix selectRows(FloatMatrix matrix, int[] rows) {
        int columns = matrix.columns();
        FloatMatrix selected = FloatMatrix.zeros(rows.length, columns);
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(matrix.values(), rows[k] * columns, selected.values(), k * columns, columns);
        }
        return selected;
    }

    /// The same alignment with overlap positions replaced by the source ids they stand for.
    private static TokenAlignment toSourceIds(TokenAlignment alignment, int[] overlap) {
        return new TokenAlignment(alignment.targetId(), lookUp(alignment.sourceIds(), overlap), alignment.weights(),
                alignment.similarities(), lookUp(alignment.nearestSourceIds(), overlap),
                alignment.nearestSimilarities(), alignment.truncated());
    }

    private static int[] lookUp(int[] positions, int[] ids) {
        int[] out = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            out[k] = ids[positions[k]];
        }
        return out;
    }
}
