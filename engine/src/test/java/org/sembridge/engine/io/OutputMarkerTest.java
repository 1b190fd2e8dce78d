package org.sembridge.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;

/// Which existing folders an output may replace: only empty ones and complete outputs of the
/// same kind.
class OutputMarkerTest {

    private static final String RUN_JSON = "{\"format\": \"sembridge-run\"}\n";

    @TempDir
    Path dir;

    private Path output;

    /// A published output of kind "run" with two files.
    @BeforeEach
    void publishOutput() throws Exception {
        output = dir.resolve("run");
        Path staging = AtomicFiles.createStagingDirectory(output);
        AtomicFiles.writeString(staging.resolve("run.json"), RUN_JSON);
        AtomicFiles.writeString(staging.resolve("model/config.json"), "{}\n");
        OutputMarker.write(staging, "run");
        AtomicFiles.publishDirectory(staging, output);
    }

    private InputFormatException refused(Path folder, String kind) {
        return assertThrows(InputFormatException.class,
                () -> OutputMarker.requireReplaceable(folder, kind, "run folder", "is not a run folder"));
    }

    @Test
    void missingAndEmptyFoldersMayBeReplaced() throws Exception {
        OutputMarker.requireReplaceable(dir.resolve("new"), "run", "run folder", "is not a run folder");
        OutputMarker.requireReplaceable(Files.createDirectory(dir.resolve("empty")), "run", "run folder",
                "is not a run folder");
    }

    @Test
    void completeOutputOfTheSameKindMayBeReplaced() throws Exception {
        OutputMarker.requireReplaceable(output, "run", "run folder", "is not a run folder");
    }

    @Test
    void folderThatMerelyHoldsARunJsonIsRefusedAndKept() throws Exception {
        Path thesis = Files.createDirectory(dir.resolve("thesis"));
        Files.writeString(thesis.resolve("run.json"), "{\"format\": \"sembridge-run\"}");
        Files.writeString(thesis.resolve("chapter1.tex"), "important");
        InputFormatException e = refused(thesis, "run");
        assertEquals("refusing to replace " + thesis + ": it is not empty and is not a run folder; choose a new or empty"
                + " folder", e.getMessage());
        assertEquals("important", Files.readString(thesis.resolve("chapter1.tex")));
    }

    @Test
    void outputOfAnotherKindIsRefused() {
        assertTrue(refused(output, "export").getMessage().contains("it is an output of kind \"run\", not \"export\""));
    }

    @Test
    void outputWithAFileAddedByTheUserIsRefused() throws Exception {
        Files.writeString(output.resolve("notes.txt"), "mine");
        InputFormatException e = refused(output, "run");
        assertTrue(e.getMessage().contains(output + ": it is not a complete run folder written by this tool (it holds"
                + " notes.txt, which this tool did not write there)"), e.getMessage());
        assertEquals("mine", Files.readString(output.resolve("notes.txt")));
    }

    @Test
    void outputWithAMissingFileIsRefused() throws Exception {
        Files.delete(output.resolve("model/config.json"));
        assertTrue(refused(output, "run").getMessage().contains("it is incomplete: model/config.json is missing"));
    }

    @Test
    void outputWithAChangedFileIsRefused() throws Exception {
        String edited = "{\"edited\": true, \"format\": \"sembridge-run\"}\n";
        Files.writeString(output.resolve("run.json"), edited);
        assertTrue(refused(output, "run").getMessage().contains("run.json has " + edited.length()
                + " bytes, but the marker recorded " + RUN_JSON.length()), edited);
    }

    @Test
    void outputWithALinkInsideIsRefused() throws Exception {
        Files.createSymbolicLink(output.resolve("data"), dir);
        assertTrue(refused(output, "run").getMessage().contains("it holds data, a link or special file"));
    }

    @Test
    void linkToAnOutputIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link"), output);
        assertTrue(refused(link, "run").getMessage().contains("it is a symbolic link"));
    }

    @Test
    void fileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertTrue(refused(file, "run").getMessage().contains("it is a file, not a folder"));
    }

    @Test
    void malformedMarkerIsRefused() throws Exception {
        Files.writeString(output.resolve(OutputMarker.FILE_NAME), "{\"format\": \"sembridge-output\", \"kind\": \"run\"");
        assertTrue(refused(output, "run").getMessage().contains("marker cannot be read as JSON"));
    }
}
