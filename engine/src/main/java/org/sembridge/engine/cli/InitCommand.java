package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.run.BiasMode;
import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.run.TransferSummary;
import org.sembridge.engine.run.UnknownBridgeRule;
import org.sembridge.engine.workflow.ModelTransfer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `sembridge init`: transfers a source model to a target tokenizer and writes a run folder.
///
/// Prints one line per stage on stderr (long stages add a rolling estimate of the time left), a
/// summary on stdout (or one JSON document with `--json`). Ctrl-C cancels the run through the
/// CLI's shared [InterruptCancellation]: the run deletes its staging folder and the process ends
/// with exit code 12; no partial run folder is left.
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Transfer a sparse encoder to a target tokenizer and write a run folder "
                + "(model/, alignments.jsonl, run.json).")
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "DIR",
            description = "Source model folder (a *ForMaskedLM checkpoint in safetensors).")
    Path source;

    @Option(names = "--target-tokenizer", required = true, paramLabel = "PATH",
            description = "Target tokenizer folder or its tokenizer.json.")
    Path targetTokenizer;

    @Option(names = "--bridge", paramLabel = "DIR|FILE",
            description = "Bridge sentence-encoder folder, or a precomputed bridge-vector .safetensors file "
                    + "(required by the methods that need a bridge, see Methods below; default: none).")
    Path bridge;

    @Option(names = "--method", defaultValue = "sembridge", paramLabel = "NAME", completionCandidates = MethodHelp.class,
            description = "One of ${COMPLETION-CANDIDATES}; see Methods below (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--alpha", defaultValue = "4", paramLabel = "A",
            description = "Entmax order of the methods that read alpha (sembridge), 1..8; 1 = softmax, "
                    + "2 = sparsemax (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--bias", defaultValue = "index", paramLabel = "MODE",
            description = "Decoder bias: index (crop/zero-pad, the paper's), mapped or zero (default: ${DEFAULT-VALUE}).")
    String bias;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "DEVICE",
            description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--fuzzy", description = "Also copy tokens equal up to case and word-start marker "
            + "(default: off).")
    boolean fuzzy;

    @Option(names = "--symbols", description = "First copy numbers, punctuation and special tokens by exact or "
            + "fuzzy form (default: off).")
    boolean symbols;

    @Option(names = "--map-specials", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Copy each target special token (<s>, <bos>, <unk>, <pad>, <mask>, <|endoftext|>...) from the "
                    + "source special of the same role ([CLS], [SEP], [UNK], [PAD], [MASK]); --no-map-specials keeps "
                    + "the paper's behaviour (specials matched by spelling, else built like words) (default: on).")
    boolean mapSpecials;

    @Option(names = "--unknown-bridge", defaultValue = "entmax", paramLabel = "RULE",
            description = "What new tokens whose bridge text embeds like the bridge's unknown token get: entmax (the "
                    + "method, as any token) or mean (the mean of the source rows); they are counted and marked "
                    + "either way (default: ${DEFAULT-VALUE}).")
    String unknownBridge;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of the random baselines (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--language", paramLabel = "CODE[,CODE...]",
            description = "Target language recorded in run.json, e.g. ko, or the languages of a multilingual tokenizer,"
                    + " e.g. ko,ru,ar (recorded as \"multi\" covering the three). Default: inferred (the target"
                    + " tokenizer's folder name when it is a language code, else the bundled lexicon's languages"
                    + " of which at least 20%% of the words are single target tokens: one names the language, two or"
                    + " more give \"multi\", else the scripts of the new tokens: one script's name, or \"multi\").")
    String language;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Run folder to create (replaced only if it is empty or a complete earlier run folder"
                    + " with nothing added).")
    Path out;

    @Option(names = "--json", description = "Print the summary as one JSON document.")
    boolean json;

    @Mixin
    CacheOption cache = new CacheOption();

    @Override
    public Integer call() throws Exception {
        TransferRequest request = TransferRequest.builder(source, targetTokenizer, method, out)
                .optBridge(bridge)
                .optAlpha(alpha)
                .optBiasMode(BiasMode.parse(bias))
                .optDevice(DeviceChoice.parse(device))
                .optOverlap(fuzzy, symbols, mapSpecials)
                .optUnknownBridge(UnknownBridgeRule.parse(unknownBridge))
                .optSeed(seed)
                .optLanguage(language)
                .build();
        TransferSummary summary = ModelTransfer.withCache(cache.root())
                .transfer(request, StderrProgress.withEstimates(spec.commandLine().getErr()), SemBridgeCli.cancellation(spec));
        print(summary);
        return ExitCodes.OK;
    }

    private void print(TransferSummary summary) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (summary.noOp()) {
            err.println("warning: no-op transfer: " + summary.noOpReason());
        }
        if (json) {
            JsonObject root = new JsonObject();
            root.addProperty("run", summary.runDirectory().toString());
            root.addProperty("method", summary.method());
            root.addProperty("target_tokens", summary.targetTokens());
            root.addProperty("overlap", summary.overlapTokens());
            root.addProperty("new", summary.newTokens());
            root.addProperty("special", summary.specialTokens());
            root.addProperty("no_op", summary.noOp());
            root.addProperty("no_op_reason", summary.noOpReason());
            root.addProperty("device", summary.device());
            JsonObject timings = new JsonObject();
            summary.stageSeconds().forEach(timings::addProperty);
            root.add("timings_seconds", timings);
            root.addProperty("total_seconds", summary.totalSeconds());
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root));
        } else {
            out.printf(Locale.ROOT, "run written to %s%n", summary.runDirectory());
            out.printf(Locale.ROOT, "method %s on %s: %d target tokens = %d overlap + %d new + %d special%n",
                    summary.method(), summary.device(), summary.targetTokens(), summary.overlapTokens(),
                    summary.newTokens(), summary.specialTokens());
            for (Map.Entry<String, Double> stage : summary.stageSeconds().entrySet()) {
                out.printf(Locale.ROOT, "  %8.2f s  %s%n", stage.getValue(), stage.getKey());
            }
            out.printf(Locale.ROOT, "  %8.2f s  total%n", summary.totalSeconds());
        }
        out.flush();
    }
}
