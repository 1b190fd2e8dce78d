package org.sembridge.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.InputFormatException;

/// The run and index folders a cell record names stay inside the experiment folder.
class CellRecordsTest {

    private static final String KEY = "key-1";
    private static final ExperimentMethod METHOD = ExperimentMethod.named("random");

    @TempDir
    Path dir;

    private Path experiment;
    private CellRecords records;

    @BeforeEach
    void recordOneCell() throws Exception {
        experiment = Files.createDirectories(dir.resolve("experiment"));
        Files.createDirectories(dir.resolve("outside/index"));
        records = new CellRecords(experiment);
        records.write(new ExperimentCell("hi", METHOD, new RetrievalScores(0.5, 0.75, 0.25, 4), 0, 1,
                Optional.of(experiment.resolve("runs/hi/random")), experiment.resolve("indexes/hi/random"), false,
                false, 2.5), KEY);
    }

    @Test
    void recordedPathsResolveInsideTheExperimentFolder() throws Exception {
        ExperimentCell cell = records.find("hi", METHOD, KEY).orElseThrow();
        assertEquals(Optional.of(experiment.resolve("runs/hi/random")), cell.runFolder());
        assertEquals(experiment.resolve("indexes/hi/random"), cell.indexFolder());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "run | \"../outside/run\" | leaves the folder",
        "index | \"../outside/index\" | leaves the folder",
        "index | \"/etc\" | is an absolute path",
        "run | null | is null",
        "index | {\"path\": \"x\"} | is an object",
        "index | \"linked/index\" | goes through the symbolic link"})
    void recordedPathLeavingTheExperimentIsRefused(String entry, String json, String problem) throws Exception {
        Files.createSymbolicLink(experiment.resolve("linked"), dir.resolve("outside"));
        Path file = records.file("hi", METHOD);
        JsonObject record = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        record.add(entry, JsonParser.parseString(json));
        Files.writeString(file, record.toString());

        InputFormatException e = assertThrows(InputFormatException.class, () -> records.find("hi", METHOD, KEY));

        assertTrue(e.getMessage().startsWith(file + ": " + entry + " "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void aWrittenCellReadsBackEqualAsAReusedCell() throws Exception {
        ExperimentCell cell = records.find("hi", METHOD, KEY).orElseThrow();

        assertEquals(new ExperimentCell("hi", METHOD, new RetrievalScores(0.5, 0.75, 0.25, 4), 0, 1,
                Optional.of(experiment.resolve("runs/hi/random")), experiment.resolve("indexes/hi/random"), false,
                true, 2.5), cell);
    }

    @Test
    void aCellRecordOfTheFirstFormatVersionStillReads() throws Exception {
        ExperimentMethod sembridge = ExperimentMethod.semBridge(4.0);
        Path file = records.file("hi", sembridge);
        Files.createDirectories(file.getParent());
        try (var in = getClass().getResourceAsStream("/formats/experiment-cell-v1.json")) {
            Files.copy(in, file);
        }

        ExperimentCell cell = records.find("hi", sembridge,
                "b1a42076bb0eaba51955d431b6addc72ad6cf4d7bdd3d951c262963e8d91c91a").orElseThrow();

        assertEquals(new RetrievalScores(0.9921655387546485, 1.0, 1.0, 40), cell.scores());
        assertEquals(Optional.of(experiment.resolve("runs/hi/sembridge-a4")), cell.runFolder());
        assertEquals(76.677032981, cell.seconds());
    }

    @Test
    void aRecordOfANewerFormatVersionIsAMissNotAnError() throws Exception {
        Path file = records.file("hi", METHOD);
        JsonObject record = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        record.addProperty("format_version", CellRecords.FORMAT_VERSION + 1);
        Files.writeString(file, record.toString());

        assertEquals(Optional.empty(), records.find("hi", METHOD, KEY));
    }
}
