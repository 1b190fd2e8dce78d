package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.projection.LinkedNeighbourShare;
import org.sembridge.engine.projection.MapCsvFormat;
import org.sembridge.engine.projection.MapImageOptions;
import org.sembridge.engine.projection.MapImageRenderer;
import org.sembridge.engine.projection.MapJsonWriter;
import org.sembridge.engine.projection.MapPoint;
import org.sembridge.engine.projection.MapQuality;
import org.sembridge.engine.projection.MapSpace;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.projection.ProjectedMap;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionParameters;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.sembridge.engine.workflow.RunMap;
import org.sembridge.engine.workflow.RunMapRequest;
import org.sembridge.engine.workflow.RunMapping;
import org.sembridge.engine.workflow.SelectedPoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `sembridge project`: a 2-D map (PCA, t-SNE or UMAP) of tokens of a run, written as CSV or
/// JSON and optionally as a PNG; or, with `--import`, a PNG of coordinates computed elsewhere.
///
/// Progress goes to stderr one stage per line; the quality figures (trustworthiness@10 and, for
/// joint maps, the share of target tokens with a chosen source among their 10 nearest
/// neighbours, in the original space and in the map) and the written files go to stdout.
@Command(name = "project", mixinStandardHelpOptions = true, modelTransformer = ProjectionOptions.class,
        description = {"Draw a 2-D map of tokens of a run: target tokens, and for joint maps the source tokens they "
                + "were built from, linked by the alignment weight.",
            "Points: lexicon | top:N | tokens:a,b,c | pattern:REGEX | token:X (lexicon and token:X bring the chosen "
                + "sources; token:X also its 10 most similar source tokens). top:N takes the first N new tokens by id "
                + "(a run records no frequencies).",
            "Or: project --import FILE.csv --png FILE draws coordinates made elsewhere "
                + "(columns token,id,space,language,kind,x,y)."},
        footer = {"", "Examples:",
            "  sembridge project --run runs/ko --points lexicon --method umap \\",
            "      --png ko.png --out ko.csv",
            "  sembridge project --run runs/ko --points token:집 --method pca \\",
            "      --space bridge --out 집.json",
            "  sembridge project --import coords.csv --png coords.png"})
final class ProjectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "DIR", description = "Run folder written by init (required unless --import; default: none).")
    Path run;

    @Option(names = "--import", paramLabel = "FILE.csv",
            description = "Draw the coordinates of this CSV file instead of projecting a run (needs --png)."
                    + " Default: project a run.")
    Path importFile;

    @Option(names = "--points", paramLabel = "SPEC",
            description = "lexicon, top:N, tokens:a,b,c, pattern:REGEX or token:X (required with --run; no default).")
    String points;

    @Option(names = "--method", paramLabel = "METHOD", description = "pca, tsne or umap (required with --run; no default).")
    String method;

    @Option(names = "--space", defaultValue = "adapted", paramLabel = "SPACE",
            description = "adapted (E_t for targets, E_s for sources), source (E_s of the sources only) or bridge "
                    + "(the cached bridge vectors of both vocabularies). Default: ${DEFAULT-VALUE}.")
    String space;

    @Option(names = "--with-sources",
            description = "Also show the chosen sources of top:N, tokens: and pattern: targets (a joint map).")
    boolean withSources;

    @Option(names = "--lexicon", paramLabel = "FILE",
            defaultValue = "${sys:" + RunMapping.REPOSITORY_ROOT_PROPERTY + ":-.}/" + RunMapping.BUNDLED_LEXICON,
            description = "Bilingual lexicon for --points lexicon: a concepts TSV or a MUSE file. "
                    + "Default: ${DEFAULT-VALUE}.")
    Path lexicon;

    @Option(names = "--lang", paramLabel = "CODE",
            description = "Target language: the lexicon column and the legend label (default: the concepts column "
                    + "with the most single target tokens, else \"target\").")
    String lang;

    @Option(names = "--png", paramLabel = "FILE.png", description = "Also draw the map as a PNG image. Default: no image.")
    Path png;

    @Option(names = "--labels", defaultValue = "40", paramLabel = "N",
            description = "Tokens written next to their points in the PNG (targets each with their heaviest source; "
                    + "labels that would overlap are left out). Default: ${DEFAULT-VALUE}.")
    int labels;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Coordinates file: .csv (token,id,space,language,kind,x,y) or .json (with links, "
                    + "parameters and quality); required with --run, no default.")
    Path out;

    @Mixin
    CacheOption cache = new CacheOption();

    @Override
    public Integer call() throws Exception {
        if (labels < 0) {
            throw usage("--labels must be >= 0, found " + labels);
        }
        if (png != null && !png.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw usage("--png must name a .png file, found " + png);
        }
        if (importFile != null) {
            if (run != null || points != null || method != null || out != null) {
                throw usage("--import draws an existing coordinates file: it takes --png and --labels, not --run, "
                        + "--points, --method or --out");
            }
            if (png == null) {
                throw usage("--import needs --png FILE.png (the image to draw)");
            }
            return drawImported();
        }
        if (run == null || points == null || method == null || out == null) {
            throw usage("project needs --run DIR --points SPEC --method " + ProjectionMethodNames.alternatives()
                    + " --out FILE.csv|.json "
                    + "(or --import FILE.csv --png FILE.png)");
        }
        return projectRun();
    }

    private int projectRun() throws Exception {
        boolean json = outputIsJson();
        ProjectionParameters parameters = parameters();
        MapSpace mapSpace = MapSpace.parse(space);
        PointSetSpec pointSpec = PointSetSpec.parse(points);
        RunMapRequest request = new RunMapRequest(pointSpec, mapSpace, withSources, parameters,
                Optional.ofNullable(lang), lexicon);
        PrintWriter err = spec.commandLine().getErr();
        StderrProgress progress = new StderrProgress(err);
        RunMapping mapping = new RunMapping(cache.store());

        progress.stage("opening run " + run);
        LoadedRun loaded = LoadedRun.open(run, cache.store());
        SelectedPoints selected = mapping.select(loaded, request,
                () -> progress.stage("selecting points " + pointSpec.text()));
        err.printf(Locale.ROOT, "  %d target + %d source tokens, %d links%n", selected.targetCount(),
                selected.sourceCount(), selected.linkCount());
        mapping.check(selected);

        progress.stage("reading " + mapSpace.text() + " vectors");
        RunMap runMap = mapping.project(selected, progress, CancellationToken.create());
        ProjectedMap map = runMap.map();

        progress.stage("writing " + out);
        if (json) {
            MapJsonWriter.write(out, map);
        } else {
            MapCsvFormat.write(out, map.points());
        }
        if (png != null) {
            progress.stage("drawing " + png);
            String title = String.format(Locale.ROOT, "%s map of %,d points: %s (%s), %s space",
                    map.method().displayName(), map.points().size(), pointSpec.text(),
                    selected.targetLanguage(), mapSpace.text());
            String subtitle = qualityText(map.quality()) + "   ·   " + runText(loaded)
                    + (parameters.summary().isEmpty() ? "" : "   ·   " + parameters.summary());
            MapImageRenderer.writePng(png, MapImageRenderer.render(map.points(), map.links(), title, subtitle,
                    MapImageOptions.withLabels(runMap.labelledPoints(labels))));
        }
        printSummary(map, selected);
        return ExitCodes.OK;
    }

    private int drawImported() throws Exception {
        StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
        progress.stage("reading " + importFile);
        List<MapPoint> imported = MapCsvFormat.read(importFile);
        if (imported.isEmpty()) {
            throw new InputFormatException(importFile + ": no points (only a header line)");
        }
        progress.stage("drawing " + png);
        Set<Integer> labelled = IntStream.range(0, Math.min(labels, imported.size())).boxed()
                .collect(Collectors.toSet());
        MapImageRenderer.writePng(png, MapImageRenderer.render(imported, List.of(),
                String.format(Locale.ROOT, "Map of %,d points", imported.size()),
                "coordinates imported from " + importFile.getFileName(), MapImageOptions.withLabels(labelled)));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "read %d points from %s%n", imported.size(), importFile);
        stdout.printf(Locale.ROOT, "wrote %s%n", png);
        stdout.flush();
        return ExitCodes.OK;
    }

    private boolean outputIsJson() {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return true;
        }
        if (name.endsWith(".csv")) {
            return false;
        }
        throw usage("--out must end in .csv or .json, found " + out);
    }

    /// The parameters of `--method` with the projection options given ([ProjectionOptions],
    /// generated from the settings' descriptors); an option of another method is a usage error.
    private ProjectionParameters parameters() {
        ProjectionMethod chosen = ProjectionMethodNames.parse(method).orElseThrow(() ->
                usage("--method must be " + ProjectionMethodNames.listed() + ", found '" + method + "'"));
        return new ProjectionOptions().parameters(spec, chosen);
    }

    private void printSummary(ProjectedMap map, SelectedPoints selected) {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%s map of %d points (%d %s target + %d %s source tokens, %s space) in %.2f s%n",
                map.method().displayName(), map.points().size(), selected.shownTargetCount(),
                selected.targetLanguage(), selected.sourceCount(), RunMapping.SOURCE_LANGUAGE,
                selected.request().space().text(), map.elapsedNanos() / 1e9);
        MapQuality quality = map.quality();
        stdout.printf(Locale.ROOT, "trustworthiness@%d %.4f%n", quality.k(), quality.trustworthiness());
        if (quality.hasLinkedShare()) {
            LinkedNeighbourShare share = quality.linkedShare();
            stdout.printf(Locale.ROOT, "chosen source among the %d nearest neighbours of a target: %.3f in the "
                    + "original space, %.3f in the map (%d %s)%n", share.k(), share.originalSpace(), share.map(),
                    share.linkedPoints(), share.linkedPoints() == 1 ? "target" : "targets");
        }
        stdout.printf(Locale.ROOT, "wrote %s%n", out);
        if (png != null) {
            stdout.printf(Locale.ROOT, "wrote %s%n", png);
        }
        stdout.flush();
    }

    /// The run's method, with alpha where the method reads it: `sembridge run, alpha 4`.
    private static String runText(LoadedRun loaded) {
        String method = loaded.manifest().method();
        return method + " run" + (InitializerRegistry.describe(method).readsAlpha()
                ? String.format(Locale.ROOT, ", alpha %s", new BigDecimal(loaded.manifest().alpha())
                        .stripTrailingZeros().toPlainString()) : "");
    }

    /// The quality figures as one line for the image subtitle.
    private static String qualityText(MapQuality quality) {
        String text = String.format(Locale.ROOT, "trustworthiness@%d = %.3f", quality.k(), quality.trustworthiness());
        if (quality.hasLinkedShare()) {
            LinkedNeighbourShare share = quality.linkedShare();
            text += String.format(Locale.ROOT, "   ·   chosen source among %d nearest: %.0f%% original, %.0f%% map",
                    share.k(), 100 * share.originalSpace(), 100 * share.map());
        }
        return text;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
