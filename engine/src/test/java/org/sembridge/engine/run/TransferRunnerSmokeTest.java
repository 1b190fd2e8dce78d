package org.sembridge.engine.run;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.encoder.DeviceChoice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.provenance.ContentHash;

class TransferRunnerSmokeTest {

    @TempDir
    Path dir;

    @Test
    void smoke() throws Exception {
        TransferRunner runner = new TransferRunner(new BridgeVectorStore(dir.resolve("cache"), ContentHash.withoutMemo()),
                ContentHash.withoutMemo());
        for (String lang : SampleModels.LANGUAGES) {
            long t = System.nanoTime();
            TransferRequest request = TransferRequest.builder(SampleModels.splade(), SampleModels.tokenizer(lang), "sembridge",
                    dir.resolve("run-" + lang)).optBridge(SampleModels.bridge()).optDevice(DeviceChoice.CPU).build();
            TransferSummary summary = runner.run(request, (s, d, n) -> { if (d == 0) System.err.println("  " + s); },
                    CancellationToken.create());
            System.err.println(summary);
            LoadedRun run = LoadedRun.open(summary.runDirectory());
            var lex = LexiconEvaluator.read(SampleModels.concepts(), Optional.of(lang), run);
            System.err.println(LexiconEvaluator.evaluate(run, lex) + " in " + (System.nanoTime() - t) / 1e9);
        }
    }
}
