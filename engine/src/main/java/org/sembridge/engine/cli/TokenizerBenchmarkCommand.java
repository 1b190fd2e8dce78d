package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sembridge.engine.bench.TokenizerLoadBenchmark;
import org.sembridge.engine.progress.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `sembridge bench tokenizer --file F`: loading one `tokenizer.json` with the Hugging Face
/// tokenizers library alone and with this engine's loader, side by side ([TokenizerLoadBenchmark]).
@Command(name = "tokenizer", mixinStandardHelpOptions = true,
        description = {"Time loading a tokenizer.json with the Hugging Face tokenizers library alone and with the "
                + "engine's loader (the same native load plus the vocabulary read from the JSON), alternating, and "
                + "print both medians (wall and process CPU), their ratio and the load average."})
final class TokenizerBenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "A tokenizer.json.")
    Path file;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
            description = "Timed loads of each kind (after one untimed each). Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--json", description = "Print one JSON document instead of a report.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--rounds must be >= 1, found " + rounds);
        }
        double loadAtStart = loadAverage();
        TokenizerLoadBenchmark.Result r = new TokenizerLoadBenchmark(new StderrProgress(spec.commandLine().getErr()),
                CancellationToken.create()).measure(file, rounds);
        double loadAtEnd = loadAverage();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, TokenizerBenchmarkJson.write(TokenizerBenchmarkRun.of(r, rounds, loadAtStart,
                    loadAtEnd)));
        } else {
            out.printf(Locale.ROOT, "tokenizer   %s (%.1f MB, %,d ids)%n", r.file(), r.fileBytes() / 1e6,
                    r.vocabularySize());
            out.printf(Locale.ROOT, "load avg   %.2f at start, %.2f at end (1 min); medians of %d alternating loads%n",
                    loadAtStart, loadAtEnd, rounds);
            out.printf(Locale.ROOT, "%-34s %9s %9s%n", "", "wall s", "CPU s");
            out.printf(Locale.ROOT, "%-34s %9.2f %9.2f%n", "HF tokenizers library alone", r.library().medianSeconds(),
                    r.libraryCpuSeconds());
            out.printf(Locale.ROOT, "%-34s %9.2f %9.2f%n", "engine (TextTokenizer.load)", r.engine().medianSeconds(),
                    r.engineCpuSeconds());
            out.printf(Locale.ROOT, "%-34s %9.2f %9.2f%n", "ratio engine / library", r.wallRatio(), r.cpuRatio());
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
