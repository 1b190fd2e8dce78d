package org.sembridge.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.encoder.SparseEncoder;
import org.sembridge.engine.encoder.SparseVector;
import org.sembridge.engine.encoder.SpladePooling;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.hf.HfModelFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `sembridge encode --model DIR --text "..."`: the SPLADE sparse vector of one text, as its
/// highest-weighted vocabulary tokens.
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encode a text with a SPLADE-style sparse encoder (a *ForMaskedLM folder).")
final class EncodeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Sparse encoder folder.")
    Path model;

    @Option(names = "--text", required = true, description = "The text to encode (must not be blank).")
    String text;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N",
            description = "Print the N highest-weighted tokens (0 = all). Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--pooling", defaultValue = "max", paramLabel = "max|sum",
            description = "SPLADE pooling over positions. Default: ${DEFAULT-VALUE}.")
    String pooling;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() throws Exception {
        if (top < 0) {
            throw new ParameterException(spec.commandLine(), "--top must be >= 0, found " + top);
        }
        SelectedDevice selected = device.select();
        SpladeSettings settings = SpladeSettings.DEFAULTS.withPooling(SpladePooling.parse(pooling)).withMaxTerms(top);
        try (SparseEncoder encoder = SparseEncoder.load(HfModelFolder.open(model), selected, settings)) {
            SparseVector vector = encoder.encode(List.of(text)).getFirst();
            List<String> tokens = vector.tokenStrings(encoder.vocabulary());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, toJson(vector, tokens, selected));
            } else {
                printText(out, vector, tokens, selected);
            }
        }
        return ExitCodes.OK;
    }

    private JsonObject toJson(SparseVector vector, List<String> tokens, SelectedDevice selected) {
        JsonObject o = new JsonObject();
        o.addProperty("model", model.toString());
        o.addProperty("text", text);
        o.addProperty("device", selected.name());
        o.addProperty("truncated", vector.truncated());
        o.addProperty("terms", vector.size());
        JsonArray weights = new JsonArray();
        for (int i = 0; i < vector.size(); i++) {
            JsonObject term = new JsonObject();
            term.addProperty("token", tokens.get(i));
            term.addProperty("id", vector.tokenIds()[i]);
            term.addProperty("weight", vector.weights()[i]);
            weights.add(term);
        }
        o.add("weights", weights);
        return o;
    }

    private static void printText(PrintWriter out, SparseVector vector, List<String> tokens, SelectedDevice selected) {
        out.printf(Locale.ROOT, "%d terms on %s%s%n", vector.size(), selected.name(),
                vector.truncated() ? " (text truncated to the model's token limit)" : "");
        for (int i = 0; i < vector.size(); i++) {
            out.printf(Locale.ROOT, "%8.4f  %s%n", vector.weights()[i], tokens.get(i));
        }
    }
}
