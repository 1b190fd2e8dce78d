package org.sembridge.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.ContentHash;

/// On the demo collection of every target language, SemBridge (alpha 4) transfers the sample
/// encoder into a better retriever than the random initialisation and than the untouched source
/// encoder, by nDCG@10. One experiment (5 languages x 3 methods) is shared by the assertions.
/// Runs in the default suite (a few minutes): it is the per-language sanity check.
class SampleLanguagesExperimentTest {

    private static final ExperimentMethod BASE = ExperimentMethod.named("base");
    private static final ExperimentMethod SEMBRIDGE = ExperimentMethod.semBridge(4);
    private static final ExperimentMethod RANDOM = ExperimentMethod.named("random");

    @TempDir
    static Path shared;

    private static ExperimentResult result;

    @BeforeAll
    static void runExperiment() throws Exception {
        Path config = ExperimentFixtures.write(shared, "all.json", ExperimentFixtures.sampleConfig(
                List.of("base", "sembridge", "random"), List.of("ko", "ru", "ar", "hi", "zh")));
        ContentHash hashes = ContentHash.withoutMemo();
        result = new ExperimentRunner(new BridgeVectorStore(shared.resolve("bridge-cache"), hashes), hashes)
                .run(ExperimentConfig.read(config), shared.resolve("out"), ReusePolicy.REUSE_MATCHING,
                        ProgressListener.NONE, CancellationToken.create());
    }

    @AfterAll
    static void printTable() {
        if (result != null) {
            System.out.print(new ExperimentReport(result).markdown());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "ru", "ar", "hi", "zh"})
    void semBridgeBeatsRandom(String language) {
        double semBridge = ndcg(language, SEMBRIDGE);
        double random = ndcg(language, RANDOM);
        assertTrue(semBridge > random, language + ": SemBridge " + semBridge + " vs random " + random);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "ru", "ar", "hi", "zh"})
    void semBridgeBeatsTheUntouchedSourceEncoder(String language) {
        double semBridge = ndcg(language, SEMBRIDGE);
        double base = ndcg(language, BASE);
        assertTrue(semBridge > base, language + ": SemBridge " + semBridge + " vs base " + base);
    }

    private static double ndcg(String language, ExperimentMethod method) {
        return result.cell(language, method).orElseThrow().scores().ndcgAt10();
    }
}
