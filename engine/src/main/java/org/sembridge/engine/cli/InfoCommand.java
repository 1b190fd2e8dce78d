package org.sembridge.engine.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sembridge.engine.run.ModelFolderCheck;
import org.sembridge.engine.workflow.ModelDescription;
import org.sembridge.engine.workflow.ModelInspection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/// `sembridge info --model DIR`: what a Hugging Face model folder holds (family, layers, sizes,
/// vocabulary, stored dtypes, decoder tying, parameters), read from `config.json` and the
/// safetensors headers without loading any weights. `sembridge info --check DIR` instead checks
/// that the folder's config, tensors and tokenizer agree ([ModelFolderCheck]; exit 10 with every
/// disagreement in one line). Both go through the [ModelInspection] workflow service.
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Describe a model folder (config.json + model.safetensors + tokenizer).")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Hugging Face model folder (config.json, model.safetensors, tokenizer.json or vocab.txt)."
                    + " No default: give --model or --check.")
    Path model;

    @Option(names = "--check", paramLabel = "DIR",
            description = {"Check that a model folder (e.g. an adapted model, RUN/model) is consistent: every stored "
                    + "vocabulary-sized tensor (all decoder-bias aliases included) has vocab_size rows, the tokenizer "
                    + "fits, config special ids (pad_token_id first) equal the tokenizer's, model_max_length fits the "
                    + "usable positions. Exit 10 naming every disagreement.", "Give --model or --check, not both (no default)."})
    Path check;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if ((model == null) == (check == null)) {
            throw new ParameterException(spec.commandLine(), "give either --model DIR (describe) or --check DIR "
                    + "(consistency check)");
        }
        if (check != null) {
            ModelFolderCheck.Report report = ModelInspection.atDefaultLocation().check(check);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonObject o = new JsonObject();
                o.addProperty("directory", report.folder().toString());
                o.addProperty("consistent", true);
                o.addProperty("vocab_size", report.vocabSize());
                o.addProperty("tokenizer_size", report.tokenizerSize());
                o.addProperty("pad_token_id", report.padTokenId());
                o.addProperty("usable_positions", report.usablePositions());
                JsonArray names = new JsonArray();
                report.vocabularyTensors().forEach(names::add);
                o.add("vocabulary_tensors", names);
                JsonOutput.print(out, o);
            } else {
                out.println(report.describe());
                out.flush();
            }
            return ExitCodes.OK;
        }
        ModelDescription summary = ModelInspection.atDefaultLocation().describeModel(model);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, toJson(summary));
        } else {
            printText(out, summary);
        }
        return ExitCodes.OK;
    }

    static JsonObject toJson(ModelDescription s) {
        JsonObject o = new JsonObject();
        o.addProperty("directory", s.directory().toString());
        o.addProperty("family", s.family());
        JsonArray architectures = new JsonArray();
        s.architectures().forEach(architectures::add);
        o.add("architectures", architectures);
        o.addProperty("layers", s.layers());
        o.addProperty("hidden_size", s.hiddenSize());
        o.addProperty("heads", s.heads());
        o.addProperty("intermediate_size", s.intermediateSize());
        o.addProperty("vocab_size", s.vocabSize());
        o.addProperty("max_tokens", s.maxTokens());
        o.addProperty("declared_dtype", s.declaredDtype());
        JsonObject stored = new JsonObject();
        s.elementsByStorageDtype().forEach(stored::addProperty);
        o.add("stored_elements_by_dtype", stored);
        o.addProperty("parameters", s.parameterCount());
        o.addProperty("mlm_head", s.hasMlmHead());
        o.addProperty("decoder", s.decoder());
        o.addProperty("tied_decoder", s.tiedDecoder());
        o.addProperty("tokenizer", s.tokenizerFile().toString());
        s.pooling().ifPresent(pooling -> {
            o.addProperty("pooling", pooling.mode());
            o.addProperty("normalize", pooling.normalize());
        });
        return o;
    }

    private static void printText(PrintWriter out, ModelDescription s) {
        out.printf(Locale.ROOT, "model       %s%n", s.directory());
        out.printf(Locale.ROOT, "family      %s %s%n", s.family(), s.architectures());
        out.printf(Locale.ROOT, "layers      %d (hidden %d, heads %d, feed-forward %d)%n",
                s.layers(), s.hiddenSize(), s.heads(), s.intermediateSize());
        out.printf(Locale.ROOT, "vocabulary  %,d tokens, at most %d per text%n", s.vocabSize(), s.maxTokens());
        out.printf(Locale.ROOT, "dtype       %s stored as %s%n",
                s.declaredDtype().isEmpty() ? "(not declared)" : s.declaredDtype(), s.elementsByStorageDtype());
        out.printf(Locale.ROOT, "parameters  %,d (float tensors), %.2f M%n", s.parameterCount(),
                s.parameterCount() / 1e6);
        out.printf(Locale.ROOT, "MLM head    %s; decoder %s%n", s.hasMlmHead() ? "yes" : "no",
                s.decoderDescription());
        out.printf(Locale.ROOT, "tokenizer   %s%n", s.tokenizerFile());
        s.pooling().ifPresent(pooling -> out.printf(Locale.ROOT, "pooling     %s, normalize %s%n", pooling.mode(),
                pooling.normalize()));
    }
}
