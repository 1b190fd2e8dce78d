package org.sembridge.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.concurrent.Callable;

import org.sembridge.engine.experiment.ExperimentConfig;
import org.sembridge.engine.experiment.ExperimentReport;
import org.sembridge.engine.experiment.ExperimentResult;
import org.sembridge.engine.experiment.ExperimentRunner;
import org.sembridge.engine.experiment.ReusePolicy;
import org.sembridge.engine.io.WorkspaceRoot;
import org.sembridge.engine.run.DeviceChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `sembridge experiment --config FILE`: the paper's zero-shot experiment in one command. For
/// every language and method of the configuration it transfers, indexes, searches and evaluates,
/// then prints the nDCG@10 table (Markdown; the full results with `--json`) and writes
/// `table.md`, `table.csv` and `results.json` into the output folder. Progress goes to stderr;
/// Ctrl-C stops after cleaning up the current step (exit 12) and keeps the finished cells for the
/// next invocation.
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run the zero-shot experiment of a configuration file: every method on every language,"
                + " evaluated by retrieval (nDCG@10, Recall@100, MRR@10).",
            "Earlier transfer runs and scores in the output folder are reused when their parameters and input"
                    + " hashes match (--rerun recomputes everything). Configuration format: see"
                    + " assets/experiments/demo.json and the README."})
final class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "Experiment configuration (JSON); relative paths in it resolve against its folder.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (runs/, indexes/, cells/, table.md, table.csv, results.json)."
                    + " Default: the workspace's experiments/<config name> ($SEMBRIDGE_WORKSPACE, else"
                    + " ~/sembridge-workspace).")
    Path out;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu",
            description = "Where transfers and encoders run. Default: the configuration's \"device\" (itself auto"
                    + " by default).")
    String device;

    @Option(names = "--rerun", description = "Recompute every transfer and evaluation instead of reusing"
            + " matching earlier ones. Default: reuse.")
    boolean rerun;

    @Option(names = "--json", description = "Print results.json instead of the Markdown table.")
    boolean json;

    @Mixin
    CacheOption cache = new CacheOption();

    @Override
    public Integer call() throws Exception {
        ExperimentConfig experiment = ExperimentConfig.read(config);
        if (device != null) {
            experiment = experiment.withDevice(DeviceChoice.parse(device));
        }
        Path folder = out != null ? out : WorkspaceRoot.resolve().resolve(WorkspaceRoot.EXPERIMENTS).resolve(stem(config));
        double loadBefore = loadAverage();
        long startNanos = System.nanoTime();
        ExperimentResult result = new ExperimentRunner(cache.store(), cache.hashes()).run(experiment, folder,
                rerun ? ReusePolicy.RECOMPUTE : ReusePolicy.REUSE_MATCHING,
                new StderrProgress(spec.commandLine().getErr()), SemBridgeCli.cancellation(spec));
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        ExperimentReport report = new ExperimentReport(result);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(stdout, report.json());
        } else {
            stdout.print(report.markdown());
            stdout.println();
            stdout.println("written to " + result.outFolder() + ": " + ExperimentReport.MARKDOWN_FILE + ", "
                    + ExperimentReport.CSV_FILE + ", " + ExperimentReport.JSON_FILE);
            stdout.printf(Locale.ROOT, "took %.1f s on %d processors, load average %.2f at start and %.2f at end;"
                    + " the output folder holds %.1f MiB%n", seconds, Runtime.getRuntime().availableProcessors(),
                    loadBefore, loadAverage(), folderBytes(result.outFolder()) / (1024.0 * 1024.0));
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /// The bytes of every regular file below `folder`.
    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    total += Files.size(file);
                }
            }
            return total;
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
