package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import org.sembridge.engine.workflow.InspectedToken;
import org.sembridge.engine.workflow.InspectedTokenJson;
import org.sembridge.engine.workflow.OpenedRun;
import org.sembridge.engine.workflow.PrintedJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `sembridge inspect`: how one target token of a run was built; with `--alpha`, its weights
/// re-solved for another alpha from the cached bridge vectors.
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show how one target token was built: kind, chosen sources with weights and similarities, "
                + "support, entropy, nearest 10 source tokens, decoder bias.")
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run folder written by init.")
    Path run;

    @Option(names = "--token", required = true, paramLabel = "TOKEN",
            description = "Target token as stored (##ing, ▁집) or as a word (집); #123 for an id.")
    String token;

    @Option(names = "--alpha", paramLabel = "A",
            description = "Re-solve the token's SemBridge weights for this alpha (1..8) from the cached bridge "
                    + "vectors (default: show the run's own result).")
    Double alpha;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Mixin
    CacheOption cache = new CacheOption();

    @Override
    public Integer call() throws Exception {
        OpenedRun opened = OpenedRun.open(run, cache.store());
        InspectedToken shown = opened.inspect(opened.resolve(token),
                alpha == null ? OptionalDouble.empty() : OptionalDouble.of(alpha));
        String method = opened.run().manifest().method();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(PrintedJson.of(InspectedTokenJson.toJson(run, method, shown)));
        } else {
            out.printf(Locale.ROOT, "run %s (method %s, alpha %s%s)%n", run, method, shown.alpha(),
                    shown.realigned() ? ", re-solved from cached bridge vectors" : "");
            AlignmentText.print(out, shown.record(), "");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
