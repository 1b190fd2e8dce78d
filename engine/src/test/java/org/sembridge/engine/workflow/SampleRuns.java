package org.sembridge.engine.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.ContentHash;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.run.TransferRunner;

/// Real runs of the bundled sample models for the workflow tests: `splade-tiny-en` to the Korean
/// sample tokenizer with `bridge-tiny-multi` (alpha 4), made once per test JVM in a temporary
/// folder with a bridge-vector cache of their own. Each method's run is made on first use
/// (about 3 s).
final class SampleRuns {

    private static final Map<String, LoadedRun> RUNS = new HashMap<>();
    private static Path folder;

    private SampleRuns() {
    }

    /// The repository root (surefire sets `sembridge.repo.root`; from an IDE, the parent of `engine/`).
    static Path repoRoot() {
        String root = System.getProperty(RunMapping.REPOSITORY_ROOT_PROPERTY);
        return (root == null || root.isBlank() ? Path.of("").toAbsolutePath().getParent() : Path.of(root))
                .toAbsolutePath().normalize();
    }

    /// The bridge-vector store the sample runs were made with (re-alignment and the bridge space read it).
    static synchronized BridgeVectorStore store() {
        return new BridgeVectorStore(folder().resolve("bridge-cache"), ContentHash.withoutMemo());
    }

    /// The Korean sample run of `method` (`sembridge` at alpha 4, `mean`, ...), opened with [#store()].
    static synchronized LoadedRun korean(String method) {
        return RUNS.computeIfAbsent(method, SampleRuns::make);
    }

    private static LoadedRun make(String method) {
        Path models = repoRoot().resolve("sample-models");
        Path out = folder().resolve("runs").resolve("ko-" + method);
        try {
            TransferRequest request = TransferRequest.builder(models.resolve("splade-tiny-en"),
                            models.resolve("tokenizers").resolve("ko"), method, out)
                    .optBridge(models.resolve("bridge-tiny-multi"))
                    .build();
            new TransferRunner(store(), ContentHash.withoutMemo()).run(request, ProgressListener.NONE,
                    CancellationToken.create());
            return LoadedRun.open(out, store());
        } catch (Exception e) {
            throw new IllegalStateException("could not make the Korean sample run of " + method, e);
        }
    }

    private static Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("sembridge-workflow-sample-runs");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }
}
