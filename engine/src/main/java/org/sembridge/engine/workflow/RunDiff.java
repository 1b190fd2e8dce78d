package org.sembridge.engine.workflow;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;

/// Diff two runs: the job of `sembridge diff` and the workbench's diff page. Every target token
/// of two runs of the same target tokenizer (SemBridge against OFA, two alphas, two bias modes)
/// ranked by how differently the runs built it: the Jensen-Shannon divergence of its source
/// weights, whether its heaviest source token changed, and its support change
/// ([TokenDifference], ranked as [RunDifference] describes).
///
/// Reads every alignment record of both runs once (two records per target token), reporting
/// progress and checking cancellation once per block of [#BLOCK_TOKENS] tokens. Memory: one
/// [TokenDifference] per target token.
public final class RunDiff {

    /// Target tokens between two progress reports and cancellation checks.
    static final int BLOCK_TOKENS = 2048;

    private static final Comparator<TokenDifference> RANKING = Comparator
            .comparing(TokenDifference::comparable).reversed()
            .thenComparing(Comparator.comparingDouble(RunDiff::divergenceKey).reversed())
            .thenComparing(TokenDifference::topSourceChanged, Comparator.reverseOrder())
            .thenComparingLong(t -> -Math.abs((long) t.supportChange()))
            .thenComparingInt(TokenDifference::id);

    private RunDiff() {
    }

    /// Whether `a` and `b` were made with the same target tokenizer (the same content hash in
    /// `run.json`, the same number of target tokens), so that they can be diffed. Cheap: reads
    /// nothing beyond the opened runs.
    public static boolean sameTargetTokenizer(OpenedRun a, OpenedRun b) {
        return a.run().manifest().targetTokenizerSha256().equals(b.run().manifest().targetTokenizerSha256())
                && a.run().targetSize() == b.run().targetSize();
    }

    /// Ranks every target token of `a` and `b` by how differently the two runs built it.
    ///
    /// @throws InputFormatException when the runs were made with different target tokenizers
    ///     (naming both runs, their tokenizers and vocabulary sizes) or their target tokens
    ///     differ (naming the first id), or a record is malformed (naming the file and line)
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` is set
    /// @throws IOException when a file cannot be read
    public static RunDifference compare(OpenedRun a, OpenedRun b, ProgressListener progress, CancellationToken cancel)
            throws IOException, SemBridgeException {
        long startNanos = System.nanoTime();
        requireSameTargetTokenizer(a, b);
        LoadedRun runA = a.run();
        LoadedRun runB = b.run();
        List<String> tokensA = runA.targetTokens();
        List<String> tokensB = runB.targetTokens();
        int size = runA.targetSize();
        String stage = "comparing " + size + " target tokens";
        List<TokenDifference> rows = new ArrayList<>(size);
        for (int from = 0; from < size; from += BLOCK_TOKENS) {
            cancel.throwIfCancelled(stage);
            progress.onProgress(stage, from, size);
            int to = Math.min(size, from + BLOCK_TOKENS);
            for (int id = from; id < to; id++) {
                if (!tokensA.get(id).equals(tokensB.get(id))) {
                    throw new InputFormatException("runs " + runA.directory() + " and " + runB.directory()
                            + " differ at target token " + id + " ('" + tokensA.get(id) + "' against '"
                            + tokensB.get(id) + "'); a diff needs runs of the same target tokenizer");
                }
            }
            List<AlignmentRecord> blockA = runA.tokens(from, to);
            List<AlignmentRecord> blockB = runB.tokens(from, to);
            for (int i = 0; i < blockA.size(); i++) {
                rows.add(difference(blockA.get(i), blockB.get(i)));
            }
        }
        progress.onProgress(stage, size, size);
        cancel.throwIfCancelled(stage);
        rows.sort(RANKING);
        List<TokenDifference> ranked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ranked.add(rows.get(i).atRank(i + 1));
        }
        return new RunDifference(side(runA), side(runB), ranked, System.nanoTime() - startNanos);
    }

    /// Refuses two runs of different target tokenizers with one line naming both.
    ///
    /// @throws InputFormatException when [#sameTargetTokenizer] is false
    public static void requireSameTargetTokenizer(OpenedRun a, OpenedRun b) throws InputFormatException {
        if (!sameTargetTokenizer(a, b)) {
            throw new InputFormatException("runs " + a.run().directory() + " and " + b.run().directory()
                    + " were made with different target tokenizers (" + describeTokenizer(a.run()) + " against "
                    + describeTokenizer(b.run()) + "); a diff compares the same target tokens built two ways, so give"
                    + " two runs of one target tokenizer");
        }
    }

    private static String describeTokenizer(LoadedRun run) {
        String sha = run.manifest().targetTokenizerSha256();
        return run.manifest().targetTokenizerPath().map(p -> p.getFileName() + ", ").orElse("") + run.targetSize()
                + " tokens, sha256 " + sha.substring(0, Math.min(12, sha.length()));
    }

    static TokenDifference difference(AlignmentRecord a, AlignmentRecord b) {
        return new TokenDifference(0, a.id(), a.token(), a.kind(), b.kind(),
                SourceWeightDivergence.bits(a.sources(), b.sources()), topSource(a), topSource(b), a.support(),
                b.support());
    }

    private static String topSource(AlignmentRecord record) {
        return record.sources().isEmpty() ? "" : record.sources().getFirst().token();
    }

    private static double divergenceKey(TokenDifference difference) {
        return difference.comparable() ? difference.divergenceBits() : -1.0;
    }

    private static RunDifference.Side side(LoadedRun run) {
        String method = run.manifest().method();
        return new RunDifference.Side(run.directory(), method, run.manifest().alpha(),
                InitializerRegistry.describe(method).readsAlpha());
    }
}
