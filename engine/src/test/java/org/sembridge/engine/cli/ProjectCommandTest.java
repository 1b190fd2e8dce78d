package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.projection.MapCsvFormat;
import org.sembridge.engine.projection.MapPoint;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.SourceWeight;

/// `sembridge project` on a real run: `init` of the sample models (splade-tiny-en to the Korean
/// sample tokenizer with bridge-tiny-multi, alpha 4) once, then maps of it as CSV, JSON and PNG,
/// imported coordinates, and the one-line errors with exit code 11 for bad input.
class ProjectCommandTest {

    @TempDir
    static Path shared;

    private static Path run;
    private static Path cache;

    @BeforeAll
    static void initKoreanRun() {
        Path root = repoRoot();
        run = shared.resolve("run-ko");
        cache = shared.resolve("cache");
        CliRun init = CliRun.of("init", "--source", root.resolve("sample-models/splade-tiny-en").toString(),
                "--target-tokenizer", root.resolve("sample-models/tokenizers/ko").toString(),
                "--bridge", root.resolve("sample-models/bridge-tiny-multi").toString(), "--alpha", "4",
                "--device", "cpu", "--cache", cache.toString(), "--out", run.toString());
        assertEquals(ExitCodes.OK, init.exitCode(), init.err());
    }

    private static Path repoRoot() {
        String root = System.getProperty("sembridge.repo.root");
        return root == null || root.isBlank() ? Path.of("").toAbsolutePath().getParent() : Path.of(root);
    }

    /// `project --run RUN --cache CACHE` followed by `args`.
    private static CliRun project(String... args) {
        List<String> all = new ArrayList<>(List.of("project", "--run", run.toString(), "--cache", cache.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void lexiconPcaWritesCsvAndPngAndPrintsTheQuality(@TempDir Path out) throws Exception {
        CliRun result = project("--points", "lexicon", "--method", "pca", "--png", out.resolve("ko.png").toString(),
                "--out", out.resolve("ko.csv").toString());
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertEquals(List.of("ko.csv", "ko.png"), fileNames(out), "only the two files, no temporary leftovers");
        List<MapPoint> points = MapCsvFormat.read(out.resolve("ko.csv"));
        assertTrue(points.stream().anyMatch(p -> p.language().equals("ko") && p.space().equals("adapted")));
        assertTrue(points.stream().anyMatch(p -> p.language().equals("en") && p.kind().equals("chosen")));
        BufferedImage image = ImageIO.read(out.resolve("ko.png").toFile());
        assertNotNull(image, "a readable PNG");
        assertEquals(1600, image.getWidth());
        assertTrue(result.out().contains("trustworthiness@10 "), result.out());
        assertTrue(result.out().contains("chosen source among the 10 nearest neighbours of a target"), result.out());
        assertTrue(result.err().contains("principal components"), result.err());
    }

    @Test
    void lexiconJsonLinksEveryTargetToItsChosenSources(@TempDir Path out) throws Exception {
        CliRun result = project("--points", "lexicon", "--method", "pca", "--out", out.resolve("ko.json").toString());
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        JsonObject map = JsonParser.parseString(Files.readString(out.resolve("ko.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonArray points = map.getAsJsonArray("points");
        JsonArray links = map.getAsJsonArray("links");
        assertFalse(links.isEmpty());
        Set<Integer> linkedTargets = new HashSet<>();
        for (var element : links) {
            JsonObject link = element.getAsJsonObject();
            JsonObject from = points.get(link.get("from").getAsInt()).getAsJsonObject();
            JsonObject to = points.get(link.get("to").getAsInt()).getAsJsonObject();
            assertEquals("ko", from.get("language").getAsString());
            assertEquals("en", to.get("language").getAsString());
            float weight = link.get("weight").getAsFloat();
            assertTrue(weight > 0 && weight <= 1, "weight " + weight);
            linkedTargets.add(link.get("from").getAsInt());
        }
        long targets = points.asList().stream()
                .filter(p -> p.getAsJsonObject().get("language").getAsString().equals("ko")).count();
        assertEquals(targets, linkedTargets.size(), "every target of a SemBridge run has chosen sources");
        JsonObject share = map.getAsJsonObject("quality").getAsJsonObject("linkedNeighbourShare");
        assertEquals(targets, share.get("linkedPoints").getAsInt());
    }

    @Test
    void tokenMapJoinsTheTokenWithTheSourcesItWasBuiltFrom(@TempDir Path out) throws Exception {
        CliRun result = project("--points", "token:집", "--method", "pca", "--out", out.resolve("jip.json").toString(),
                "--png", out.resolve("jip.png").toString());
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        AlignmentRecord record = LoadedRun.open(run).token("집").orElseThrow();
        JsonObject map = JsonParser.parseString(Files.readString(out.resolve("jip.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonArray points = map.getAsJsonArray("points");
        assertEquals("집", points.get(0).getAsJsonObject().get("token").getAsString());
        List<Integer> linkedSourceIds = new ArrayList<>();
        for (var link : map.getAsJsonArray("links")) {
            assertEquals(0, link.getAsJsonObject().get("from").getAsInt());
            linkedSourceIds.add(points.get(link.getAsJsonObject().get("to").getAsInt()).getAsJsonObject().get("id")
                    .getAsInt());
        }
        assertEquals(record.sources().stream().map(SourceWeight::id).toList(), linkedSourceIds);
    }

    @Test
    void bridgeSpaceMapReadsTheRunsCachedVectors(@TempDir Path out) throws Exception {
        CliRun result = project("--points", "tokens:집,문,창문", "--with-sources", "--space", "bridge", "--method",
                "pca", "--out", out.resolve("bridge.csv").toString());
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        List<MapPoint> points = MapCsvFormat.read(out.resolve("bridge.csv"));
        assertTrue(points.stream().allMatch(p -> p.space().equals("bridge")), points.toString());
    }

    @Test
    void importedCoordinatesAreDrawn(@TempDir Path out) throws Exception {
        Path csv = out.resolve("coords.csv");
        Files.writeString(csv, "token,id,space,language,kind,x,y\n집,1,target,ko,new,0.5,1.5\nhouse,2,source,en,,-1,0\n"
                + "\"a,b\",3,source,en,,2,-2\n", StandardCharsets.UTF_8);
        CliRun result = CliRun.of("project", "--import", csv.toString(), "--png", out.resolve("coords.png").toString());
        assertEquals(ExitCodes.OK, result.exitCode(), result.err());
        assertTrue(result.out().contains("read 3 points"), result.out());
        assertNotNull(ImageIO.read(out.resolve("coords.png").toFile()));
    }

    @Test
    void unknownTokenInAListIsNamedWithCloseTokens(@TempDir Path out) {
        CliRun result = project("--points", "tokens:집,창뮨", "--method", "pca", "--out", out.resolve("m.csv").toString());
        assertEquals(ExitCodes.INPUT_FORMAT, result.exitCode(), result.err());
        assertTrue(result.err().contains("'창뮨' (did you mean '창문'"), result.err());
        assertEquals(1, result.err().lines().filter(l -> l.startsWith("error: ")).count(), result.err());
    }

    @Test
    void invalidRegularExpressionIsNamed(@TempDir Path out) {
        CliRun result = project("--points", "pattern:(집", "--method", "pca", "--out", out.resolve("m.csv").toString());
        assertEquals(ExitCodes.INPUT_FORMAT, result.exitCode(), result.err());
        assertTrue(result.err().contains("invalid regular expression '(집'"), result.err());
    }

    @Test
    void umapWithFewerPointsThanNeighboursIsRefusedBeforeReadingVectors(@TempDir Path out) throws Exception {
        CliRun result = project("--points", "token:집", "--method", "umap", "--out", out.resolve("m.csv").toString());
        assertEquals(ExitCodes.INPUT_FORMAT, result.exitCode(), result.err());
        assertTrue(result.err().contains("points 'token:집' in the adapted space give 11 points: UMAP with 15 "
                + "neighbours needs more than 15 points"), result.err());
        assertFalse(result.err().contains("reading adapted vectors"), result.err());
        assertEquals(List.of(), fileNames(out));
    }

    @Test
    void perplexityTooLargeForThePointsIsRefused(@TempDir Path out) {
        CliRun result = project("--points", "tokens:집,문,창문", "--with-sources", "--method", "tsne", "--perplexity",
                "30", "--out", out.resolve("m.csv").toString());
        assertEquals(ExitCodes.INPUT_FORMAT, result.exitCode(), result.err());
        assertTrue(result.err().contains("t-SNE with perplexity 30.0 needs more than 3 x perplexity"), result.err());
        assertTrue(result.err().contains("lower the perplexity"), result.err());
    }

    @Test
    void folderThatIsNotARunIsRefused(@TempDir Path notARun) {
        CliRun result = CliRun.of("project", "--run", notARun.toString(), "--points", "lexicon", "--method", "pca",
                "--out", notARun.resolve("m.csv").toString());
        assertEquals(ExitCodes.INPUT_FORMAT, result.exitCode(), result.err());
        assertTrue(result.err().contains("run.json"), result.err());
    }

    @Test
    void optionOfAnotherMethodIsAUsageError(@TempDir Path out) {
        CliRun result = project("--points", "lexicon", "--method", "pca", "--perplexity", "5", "--out",
                out.resolve("m.csv").toString());
        assertEquals(ExitCodes.USAGE, result.exitCode(), result.err());
        assertTrue(result.err().contains("--perplexity does not apply to PCA"), result.err());
    }

    @Test
    void outputNeedsACsvOrJsonName(@TempDir Path out) {
        CliRun result = project("--points", "lexicon", "--method", "pca", "--out", out.resolve("m.txt").toString());
        assertEquals(ExitCodes.USAGE, result.exitCode(), result.err());
        assertTrue(result.err().contains("--out must end in .csv or .json"), result.err());
    }
}
