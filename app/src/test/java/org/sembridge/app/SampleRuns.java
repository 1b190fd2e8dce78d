package org.sembridge.app;

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
import org.sembridge.engine.workflow.ModelTransfer;

/// Real runs on the bundled sample models (English sample encoder → Korean sample tokenizer,
/// tiny bridge), made once per test JVM in a temporary folder and shared by the GUI tests
/// (a run takes ~3 s). Each method's run is made on first use; [#of] makes runs into the other
/// sample tokenizers (Russian, ...) the same way.
public final class SampleRuns {

    /// The repository root (surefire sets `sembridge.repo.root`).
    public static final Path REPO = Path.of(System.getProperty("sembridge.repo.root", "..")).toAbsolutePath().normalize();

    private static final Map<String, LoadedRun> RUNS = new HashMap<>();
    private static Path folder;

    private SampleRuns() {
    }

    /// The bundled sample models folder.
    public static Path sampleModels() {
        return REPO.resolve("sample-models");
    }

    /// The bridge-vector store the sample runs use (re-alignment reads it).
    public static synchronized BridgeVectorStore store() {
        return new BridgeVectorStore(folder().resolve("bridge-cache"), ContentHash.withoutMemo());
    }

    /// The runner the sample runs use; its cache lives in the shared temporary folder.
    public static synchronized TransferRunner runner() {
        return new TransferRunner(store(), ContentHash.withoutMemo());
    }

    /// The transfer job the runs page uses in tests: [#runner()] and its cache.
    public static synchronized ModelTransfer transfer() {
        return ModelTransfer.using(runner());
    }

    /// The Korean sample run of `method` (`sembridge` at alpha 4, `ofa`, `mean`, ...), opened.
    public static synchronized LoadedRun korean(String method) {
        return of("ko", method);
    }

    /// The sample run of `method` into the sample tokenizer of `language` (`ko`, `ru`, `ar`, `hi`,
    /// `zh`), opened.
    public static synchronized LoadedRun of(String language, String method) {
        return RUNS.computeIfAbsent(language + "-" + method, key -> make(language, method));
    }

    private static LoadedRun make(String language, String method) {
        Path models = sampleModels();
        Path out = folder().resolve("runs").resolve(language + "-" + method);
        try {
            TransferRequest request = TransferRequest.builder(models.resolve("splade-tiny-en"),
                            models.resolve("tokenizers").resolve(language), method, out)
                    .optBridge(models.resolve("bridge-tiny-multi"))
                    .build();
            runner().run(request, ProgressListener.NONE, CancellationToken.create());
            return LoadedRun.open(out, store());
        } catch (Exception e) {
            throw new IllegalStateException("could not make the " + language + " sample run of " + method, e);
        }
    }

    private static Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("sembridge-app-sample-runs");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }
}
