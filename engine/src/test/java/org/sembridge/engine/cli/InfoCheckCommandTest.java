package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.hf.RandomModelFolder;

/// `sembridge info --check DIR`: exit 0 with a one-line summary for a consistent folder, exit 10
/// with the specific disagreement for a broken one, exit 2 without exactly one folder option.
class InfoCheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void consistentFolderPassesWithASummary() {
        Path model = RandomModelFolder.create(dir, "roberta", "roberta", "--store-bias-alias");
        CliRun run = CliRun.of("info", "--check", model.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("consistent") && run.out().contains("lm_head.decoder.bias"), run.out());
    }

    @Test
    void paddingIdThatDisagreesWithTheTokenizerExitsTen() throws Exception {
        Path model = RandomModelFolder.create(dir, "bert", "bert");
        Path config = model.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"pad_token_id\": 0", "\"pad_token_id\": 1"));
        CliRun run = CliRun.of("info", "--check", model.toString());
        assertEquals(ExitCodes.MODEL_FORMAT, run.exitCode(), run.out());
        assertTrue(run.err().contains(model.toString()) && run.err().contains("pad_token_id is 1 ([UNK])")
                && run.err().contains("[PAD] has id 0"), run.err());
    }

    @Test
    void withoutAFolderOptionIsAUsageError() {
        assertEquals(ExitCodes.USAGE, CliRun.of("info").exitCode());
    }
}
