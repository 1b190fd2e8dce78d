package org.sembridge.engine.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.TokenAlignment;
import org.sembridge.engine.transfer.baseline.EmbeddingInitializer;
import org.sembridge.engine.transfer.baseline.InitializationInput;
import org.sembridge.engine.transfer.baseline.InitializationPlan;

/// The numeric core of a transfer, on matrices alone: plan the tokens without an overlap copy
/// once, then build every vocabulary-sized target matrix from its source matrix (copied rows for
/// overlap tokens, the plan's rows for the others).
///
/// [TransferRunner] wraps it with model files, vocabularies and the run folder; a benchmark can
/// call it directly on synthetic matrices of paper scale (`bin/sembridge bench init`):
///
/// ```java
/// MatrixTransfer transfer = MatrixTransfer.plan(InitializerRegistry.create("sembridge", 4), sourceEmbeddings,
///         sourceBridge, targetBridge, copiedFrom, 42, device, progress, cancel);
/// List<FloatMatrix> targets = transfer.apply(List.of(sourceEmbeddings), progress, cancel);
/// ```
///
/// `copiedFrom[x]` is the source row that target token `x` copies, -1 for a token the method
/// builds, or any other negative value for a row the caller fills itself after [#apply] (a rule
/// row of the run; it stays zero here). The plan sees only the first `sourceBridge.rows()` source rows (those with a bridge
/// vector, or all rows of `planEmbeddings` for statistical methods); copies may use any row.
public final class MatrixTransfer {

    private final int[] copiedFrom;
    private final int[] builtIds;
    private final int plannedRows;
    private final InitializationPlan plan;

    private MatrixTransfer(int[] copiedFrom, int[] builtIds, int plannedRows, InitializationPlan plan) {
        this.copiedFrom = copiedFrom;
        this.builtIds = builtIds;
        this.plannedRows = plannedRows;
        this.plan = plan;
    }

    /// Plans the tokens with `copiedFrom[x] == -1`; nothing is planned when there are none.
    ///
    /// @param planEmbeddings the source embedding rows the plan may use (`nS x d`)
    /// @param sourceBridge source bridge vectors (`nS x D`), or `null` for methods without a bridge
    /// @param targetBridge target bridge vectors (`nT x D`), or `null` likewise
    /// @param copiedFrom per target token its copied source row, -1 to build it, another negative
    ///     value to leave it zero; length `nT`
    /// @throws SemBridgeException from the initializer (bad input, cancellation)
    public static MatrixTransfer plan(EmbeddingInitializer initializer, FloatMatrix planEmbeddings,
            FloatMatrix sourceBridge, FloatMatrix targetBridge, int[] copiedFrom, long seed, SelectedDevice device,
            ProgressListener progress, CancellationToken cancel) throws SemBridgeException {
        int[] built = IntStream.range(0, copiedFrom.length).filter(x -> copiedFrom[x] == -1).toArray();
        if (built.length == 0) {
            return new MatrixTransfer(copiedFrom.clone(), built, planEmbeddings.rows(), null);
        }
        int[] overlapSources = Arrays.stream(copiedFrom).filter(id -> id >= 0).distinct().sorted().toArray();
        InitializationInput input = new InitializationInput(planEmbeddings, sourceBridge, targetBridge, built,
                overlapSources, seed, device);
        return new MatrixTransfer(copiedFrom.clone(), built, planEmbeddings.rows(),
                initializer.plan(input, progress, cancel));
    }

    /// The target tokens the plan built, ascending.
    public int[] builtIds() {
        return builtIds.clone();
    }

    /// The plan's alignments of [#builtIds()], in that order (empty for statistical methods and
    /// when nothing was built).
    public List<TokenAlignment> alignments() {
        return plan == null ? List.of() : plan.alignments();
    }

    /// Builds one target matrix (`nT x c`) per source matrix (`nS x c`, `nS >=` the planned
    /// rows): row `x` is `source[copiedFrom[x]]` for copies and the plan's row for built tokens.
    ///
    /// @throws OperationCancelledException when `cancel` is set
    public List<FloatMatrix> apply(List<FloatMatrix> sourceMatrices, ProgressListener progress,
            CancellationToken cancel) throws OperationCancelledException {
        List<FloatMatrix> builtRows = plan == null ? List.of()
                : plan.apply(sourceMatrices.stream().map(this::plannedRows).toList(), progress, cancel);
        List<FloatMatrix> targets = new ArrayList<>(sourceMatrices.size());
        for (int m = 0; m < sourceMatrices.size(); m++) {
            targets.add(assemble(sourceMatrices.get(m), plan == null ? null : builtRows.get(m)));
        }
        return targets;
    }

    private FloatMatrix plannedRows(FloatMatrix matrix) {
        if (matrix.rows() == plannedRows) {
            return matrix;
        }
        return new FloatMatrix(plannedRows, matrix.columns(),
                Arrays.copyOf(matrix.values(), plannedRows * matrix.columns()));
    }

    private FloatMatrix assemble(FloatMatrix source, FloatMatrix built) {
        int columns = source.columns();
        FloatMatrix result = FloatMatrix.zeros(copiedFrom.length, columns);
        for (int x = 0; x < copiedFrom.length; x++) {
            if (copiedFrom[x] >= 0) {
                System.arraycopy(source.values(), copiedFrom[x] * columns, result.values(), x * columns, columns);
            }
        }
        for (int k = 0; k < builtIds.length; k++) {
            System.arraycopy(built.values(), k * columns, result.values(), builtIds[k] * columns, columns);
        }
        return result;
    }
}
