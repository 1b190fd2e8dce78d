package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.workflow.OpenedRun;
import org.sembridge.engine.workflow.RunDiff;
import org.sembridge.engine.workflow.RunDifference;
import org.sembridge.engine.workflow.RunDifferenceCsv;
import org.sembridge.engine.workflow.RunDifferenceJson;
import org.sembridge.engine.workflow.TokenDifference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `sembridge diff --runs A B`: every target token of two runs of one target tokenizer, ranked by
/// how differently the runs built it (the [RunDiff] service).
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Rank every target token of two runs of the same target tokenizer by how differently they"
                + " were built: Jensen-Shannon divergence of the source weights (bits, 0 same weights .. 1 disjoint"
                + " sources), top-source change, support change.",
            "Runs of different target tokenizers are refused (exit 11)."})
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", required = true, arity = "2", paramLabel = "DIR",
            description = "The two run folders, A then B (support changes read A to B).")
    List<Path> runs;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N",
            description = "Show the N most different tokens; 0 for all. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write every target token, ranked, to this CSV file (default: none).")
    Path csv;

    @Override
    public Integer call() throws Exception {
        if (top < 0) {
            throw new ParameterException(spec.commandLine(), "--top must be >= 0, found " + top);
        }
        OpenedRun a = OpenedRun.open(runs.get(0));
        OpenedRun b = OpenedRun.open(runs.get(1));
        RunDifference difference = RunDiff.compare(a, b, new StderrProgress(spec.commandLine().getErr()),
                SemBridgeCli.cancellation(spec));
        if (csv != null) {
            RunDifferenceCsv.write(difference.tokens(), csv, ProgressListener.NONE, SemBridgeCli.cancellation(spec));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, RunDifferenceJson.toJson(difference, top));
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "A %s (%s)%nB %s (%s)%n", runs.get(0), describe(difference.runA()), runs.get(1),
                describe(difference.runB()));
        out.printf(Locale.ROOT, "%,d target tokens: %,d built differently, %,d with another top source, %,d not"
                + " comparable (a run lists no source token)%n", difference.targetTokens(), difference.differing(),
                difference.topSourceChanges(), difference.notComparable());
        out.printf(Locale.ROOT, "%5s  %-16s %-8s %8s  %-28s %s%n", "rank", "token", "kind", "JSD bits",
                "top source A -> B", "support A -> B");
        for (TokenDifference token : difference.top(top)) {
            out.printf(Locale.ROOT, "%5d  %-16s %-8s %8s  %-28s %d -> %d%n", token.rank(), token.token(),
                    token.kindA() == token.kindB() ? token.kindA().jsonName()
                            : token.kindA().jsonName() + "/" + token.kindB().jsonName(),
                    token.comparable() ? String.format(Locale.ROOT, "%.4f", token.divergenceBits()) : "n/a",
                    orNone(token.topSourceA()) + (token.topSourceChanged() ? " -> " + orNone(token.topSourceB()) : " (same)"),
                    token.supportA(), token.supportB());
        }
        if (csv != null) {
            out.println("all " + difference.targetTokens() + " tokens written to " + csv);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String describe(RunDifference.Side side) {
        return "method " + side.method() + (side.readsAlpha() ? String.format(Locale.ROOT, ", alpha %s", side.alpha()) : "");
    }

    private static String orNone(String token) {
        return token.isEmpty() ? "(none)" : token;
    }
}
