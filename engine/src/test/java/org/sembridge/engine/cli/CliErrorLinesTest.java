package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// Every failure is one line on stderr with the documented exit code: usage errors (2), a GPU
/// requested where there is none (14, the environment, not bad input).
class CliErrorLinesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"encode --bogus", "encode", "init --source", "nosuchcommand", "bench"})
    void aUsageErrorIsOneLineThatSaysWhichHelpToRead(String commandLine) {
        CliRun run = CliRun.of(commandLine.split(" "));
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().strip().endsWith("--help` for usage)"), run.err());
    }

    @Test
    void aGpuRequestWithoutAGpuExitsFourteenWithOneLine() {
        assumeTrue(Engine.getEngine("PyTorch").getGpuCount() == 0, "this machine has a GPU");
        CliRun run = CliRun.of("encode", "--device", "gpu", "--model", SampleData.englishModel().toString(),
                "--text", "house");
        assertEquals(ExitCodes.ENVIRONMENT, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: device gpu was requested, but no GPU is usable: "), run.err());
    }

    @Test
    void aMessageWithLineBreaksIsFoldedIntoOneLine() {
        assertEquals("first; second; third", CliErrorHandler.oneLine("first\n  second\r\nthird\n"));
    }
}
