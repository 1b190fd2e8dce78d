package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
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
        LoadedRun loaded = LoadedRun.open(run, cache.store());
        int id = resolve(loaded, token);
        AlignmentRecord record = alpha == null ? loaded.token(id) : loaded.realign(id, alpha);
        double shownAlpha = alpha == null ? loaded.manifest().alpha() : alpha;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject root = new JsonObject();
            root.addProperty("run", run.toString());
            root.addProperty("method", loaded.manifest().method());
            root.addProperty("alpha", shownAlpha);
            root.addProperty("realigned", alpha != null);
            root.add("token", AlignmentText.json(record));
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root));
        } else {
            out.printf(Locale.ROOT, "run %s (method %s, alpha %s%s)%n", run, loaded.manifest().method(),
                    shownAlpha, alpha == null ? "" : ", re-solved from cached bridge vectors");
            AlignmentText.print(out, record, "");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /// The id of `token` in `run`: `#N` is an id, anything else a token or word.
    static int resolve(LoadedRun run, String token) throws InputFormatException {
        if (token.matches("#\\d+")) {
            int id = Integer.parseInt(token.substring(1));
            if (id >= run.targetSize()) {
                throw new InputFormatException("token id " + id + " is outside the target vocabulary of "
                        + run.directory() + " (0.." + (run.targetSize() - 1) + ")");
            }
            return id;
        }
        OptionalInt id = run.idOf(token);
        if (id.isEmpty()) {
            throw new InputFormatException("token '" + token + "' is not in the target vocabulary of run "
                    + run.directory() + " (" + run.targetSize() + " tokens); give it as stored, e.g. ##ing, or as #id");
        }
        return id.getAsInt();
    }
}
