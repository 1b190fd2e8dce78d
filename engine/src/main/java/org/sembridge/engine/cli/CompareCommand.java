package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.workflow.OpenedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `sembridge compare`: the same target token in several runs (methods, alphas, bias modes).
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Show one target token in several runs side by side.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", required = true, arity = "1..*", paramLabel = "DIR", description = "Run folders.")
    List<Path> runs;

    @Option(names = "--token", required = true, paramLabel = "TOKEN",
            description = "Target token as stored (##ing, ▁집) or as a word (집).")
    String token;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<OpenedRun> opened = new ArrayList<>();
        for (Path run : runs) {
            opened.add(OpenedRun.open(run));
        }
        List<LoadedRun> loaded = opened.stream().map(OpenedRun::run).toList();
        List<Optional<AlignmentRecord>> records = OpenedRun.compare(opened, token);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonArray array = new JsonArray();
            for (int i = 0; i < loaded.size(); i++) {
                JsonObject entry = new JsonObject();
                entry.addProperty("run", runs.get(i).toString());
                entry.addProperty("method", loaded.get(i).manifest().method());
                entry.addProperty("alpha", loaded.get(i).manifest().alpha());
                entry.addProperty("bias_mode", loaded.get(i).manifest().biasMode().cliName());
                entry.add("token", records.get(i).map(AlignmentText::json).orElse(JsonNull.INSTANCE));
                array.add(entry);
            }
            JsonObject root = new JsonObject();
            root.addProperty("token", token);
            root.add("runs", array);
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                    .toJson(root));
        } else {
            for (int i = 0; i < loaded.size(); i++) {
                out.printf(Locale.ROOT, "run %s (method %s, alpha %s, bias %s)%n", runs.get(i),
                        loaded.get(i).manifest().method(), loaded.get(i).manifest().alpha(),
                        loaded.get(i).manifest().biasMode().cliName());
                if (records.get(i).isPresent()) {
                    AlignmentText.print(out, records.get(i).get(), "  ");
                } else {
                    out.printf(Locale.ROOT, "  token '%s' is not in this run's target vocabulary%n", token);
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
