package org.sembridge.engine.transfer.baseline;

import java.util.Arrays;
import java.util.List;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.AlignmentOptions;
import org.sembridge.engine.transfer.BlockedCosineSimilarity;
import org.sembridge.engine.transfer.EntmaxSolver;
import org.sembridge.engine.transfer.TokenAlignment;
import org.sembridge.engine.transfer.TopKSupportSearch;

/// The OFA / WECHSEL-style baseline: `E_t[x] = sum_(i in N_k(x)) p_x,i E_s[i]` over the `k`
/// source tokens `N_k(x)` most similar to `x` (cosine of the bridge vectors, over ALL source
/// tokens), with `p_x = softmax(s_x,i / T)` over those `k` only. Defaults as in the paper's
/// baseline (and WECHSEL): `k = 10`, `T = 0.1`.
///
/// The bridge vectors stand in for the multilingual static word vectors of OFA and WECHSEL. The
/// `k` nearest tokens are the [TokenAlignment#nearestSourceIds()] of one [TopKSupportSearch]
/// (its entmax weights are discarded; it runs with the sparsest order, `alpha = 8`, whose support
/// almost always fits the first candidates). Ties at the `k`-th similarity: which of the tied
/// source tokens are kept is unspecified, as for the nearest list. The weights are computed in
/// `double` (max-shifted) and rounded to `float`; with `T = 0.1` a similarity error `e` moves a
/// weight by a relative `e / T`, so the `float32` GEMM error (about `1e-7`) gives about `1e-6`.
public final class OfaInitializer implements EmbeddingInitializer {

    /// The method name.
    public static final String NAME = "ofa";
    /// Default number of nearest source tokens combined.
    public static final int DEFAULT_NEIGHBOURS = 10;
    /// Default softmax temperature.
    public static final double DEFAULT_TEMPERATURE = 0.1;
    /// How OFA describes itself (with the default `k` and `T`).
    public static final TransferMethod METHOD = new TransferMethod(NAME, "OFA",
            "OFA / WECHSEL: softmax (T = 0.1) over the 10 most similar source tokens", false, true,
            (alpha, seed) -> "OFA: top-10 nearest source tokens in the bridge space, softmax with temperature 0.1; "
                    + "alpha is not used",
            options -> new OfaInitializer(DEFAULT_NEIGHBOURS, DEFAULT_TEMPERATURE, options.maxBlockBytes()));

    private final int neighbours;
    private final double temperature;
    private final AlignmentOptions options;

    /// OFA with `k = 10`, `T = 0.1` and similarity blocks of at most 128 MiB.
    public OfaInitializer() {
        this(DEFAULT_NEIGHBOURS, DEFAULT_TEMPERATURE, BlockedCosineSimilarity.DEFAULT_MAX_BLOCK_BYTES);
    }

    /// OFA with explicit settings.
    ///
    /// @param neighbours `k`, in `[1, 10]` (the length of the search's nearest list); fewer are
    ///     used when the source vocabulary is smaller
    /// @param temperature `T`, finite and `> 0`
    /// @param maxBlockBytes bound on one similarity block, `>= 4`
    /// @throws IllegalArgumentException when a value is outside its range
    public OfaInitializer(int neighbours, double temperature, long maxBlockBytes) {
        if (neighbours < 1 || neighbours > TopKSupportSearch.NEAREST_COUNT) {
            throw new IllegalArgumentException("neighbours must be in [1, " + TopKSupportSearch.NEAREST_COUNT
                    + "], found " + neighbours);
        }
        if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, found " + temperature);
        }
        this.neighbours = neighbours;
        this.temperature = temperature;
        this.options = new AlignmentOptions(EntmaxSolver.MAX_ALPHA, TopKSupportSearch.NEAREST_COUNT, maxBlockBytes);
    }

    /// `k`, the number of nearest source tokens combined.
    public int neighbours() {
        return neighbours;
    }

    /// `T`, the softmax temperature.
    public double temperature() {
        return temperature;
    }

    @Override
    public TransferMethod method() {
        return METHOD;
    }

    /// Finds the `k` nearest source tokens of every new target token and weighs them.
    ///
    /// @throws InputFormatException when the bridge matrices do not match
    /// @throws OperationCancelledException when cancelled
    @Override
    public InitializationPlan plan(InitializationInput input, ProgressListener progress, CancellationToken cancel)
            throws InputFormatException, OperationCancelledException {
        BridgeInputs.require(input, NAME);
        List<TokenAlignment> nearest = new TopKSupportSearch(input.device()).search(input.targetBridge(),
                input.sourceBridge(), input.newTargetIds(), options, progress, cancel).alignments();
        return new WeightedRowsPlan(nearest.stream().map(this::weighNearest).toList(), input.sourceBridge().rows());
    }

    /// `softmax(s / T)` over the first `k` of the nearest list.
    private TokenAlignment weighNearest(TokenAlignment alignment) {
        int count = Math.min(neighbours, alignment.nearestSourceIds().length);
        float[] similarities = Arrays.copyOf(alignment.nearestSimilarities(), count);
        double max = similarities[0];
        double[] exponentials = new double[count];
        double sum = 0.0;
        for (int j = 0; j < count; j++) {
            exponentials[j] = Math.exp((similarities[j] - max) / temperature);
            sum += exponentials[j];
        }
        float[] weights = new float[count];
        for (int j = 0; j < count; j++) {
            weights[j] = (float) (exponentials[j] / sum);
        }
        return new TokenAlignment(alignment.targetId(), Arrays.copyOf(alignment.nearestSourceIds(), count), weights,
                similarities, alignment.nearestSourceIds(), alignment.nearestSimilarities(), false);
    }
}
