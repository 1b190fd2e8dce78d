package org.sembridge.app.inspector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Reads every alignment record of a run once and keeps its figures as [TokenFigures]: support,
/// heaviest source and weight, the heaviest sources for the source filter, entropy, kind and
/// lexicon outcome. Runs on an engine thread;
/// reports progress and checks cancellation once per block of [#BLOCK_ROWS] tokens.
public final class TokenFiguresLoader {

    private static final Logger LOG = LoggerFactory.getLogger(TokenFiguresLoader.class);

    /// Tokens between two progress reports and cancellation checks.
    static final int BLOCK_ROWS = 2048;

    private TokenFiguresLoader() {
    }

    /// The figures of every target token of `run`, with lexicon outcomes from `lexiconFile`
    /// when it has the run's language.
    ///
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` is set
    /// @throws org.sembridge.engine.InputFormatException naming the file and line of a malformed
    ///     record or lexicon
    /// @throws IOException when a file cannot be read
    public static TokenFigures load(LoadedRun run, Path lexiconFile, ProgressListener progress, CancellationToken cancel)
            throws IOException, SemBridgeException {
        long startNanos = System.nanoTime();
        String stage = "reading token figures";
        progress.onProgress("reading the lexicon", 0, -1);
        Optional<RunLexicon> lexicon = RunLexicon.of(run, lexiconFile);
        List<String> sourceTokens = run.sourceTokens();
        int size = run.targetSize();
        TokenFigures.Builder builder = TokenFigures.builder(size, sourceTokens);
        for (int from = 0; from < size; from += BLOCK_ROWS) {
            cancel.throwIfCancelled(stage);
            progress.onProgress(stage, from, size);
            List<AlignmentRecord> block = run.tokens(from, Math.min(size, from + BLOCK_ROWS));
            for (int i = 0; i < block.size(); i++) {
                int id = from + i;
                AlignmentRecord record = block.get(i);
                boolean hasSource = !record.sources().isEmpty();
                LexiconOutcome outcome = lexicon.map(l -> l.outcome(record.id(), record.topSourceIds(RunLexicon.TOP_K)))
                        .orElse(LexiconOutcome.NOT_AVAILABLE);
                builder.set(id, record.token(), record.kind(), record.support(),
                        hasSource ? record.sources().getFirst().id() : -1,
                        hasSource ? record.sources().getFirst().weight() : Float.NaN,
                        (float) record.entropyNats(), outcome);
                if (hasSource) {
                    builder.sources(id, record.topSourceIds(TokenFigures.SOURCES_KEPT));
                }
                if (record.bridgeUnknown()) {
                    builder.markBridgeUnknown(id);
                }
            }
        }
        progress.onProgress(stage, size, size);
        TokenFigures figures = builder.build();
        LOG.info("Inspector read {} token figures of {} in {} ms (lexicon: {})", size, run.directory(),
                (System.nanoTime() - startNanos) / 1_000_000, lexicon.map(RunLexicon::language).orElse("n/a"));
        return figures;
    }
}
