package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import org.sembridge.engine.run.LexiconEvaluation;
import org.sembridge.engine.workflow.LexiconReport;
import org.sembridge.engine.workflow.LexiconScoring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `sembridge lexicon-eval`: word-translation precision@1 and @5 of a run (MUSE convention),
/// scored by the [LexiconScoring] workflow service.
@Command(name = "lexicon-eval", mixinStandardHelpOptions = true,
        description = "Word-translation precision@1/@5 of a run: a target word is correct when a gold English "
                + "translation is among its top-k sources by weight; only words that are single tokens on both "
                + "sides count (a target word counts in any form: word-start, continuation or byte-level; --json "
                + "lists the form used per word).")
final class LexiconEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run folder written by init.")
    Path run;

    @Option(names = "--lexicon", required = true, paramLabel = "FILE",
            description = "A MUSE dictionary (en target per line) or a concepts TSV (assets/lexicon/concepts.tsv).")
    Path lexicon;

    @Option(names = "--lang", paramLabel = "CODE",
            description = "Target column of a concepts TSV, e.g. ko (default: the column with the most words in "
                    + "the run's target vocabulary).")
    String lang;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Mixin
    LineLimitOption lineLimit;

    @Override
    public Integer call() throws Exception {
        LexiconReport report = LexiconScoring.evaluate(run, lexicon, Optional.ofNullable(lang), lineLimit.bytes());
        LexiconEvaluation result = report.evaluation();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject root = new JsonObject();
            root.addProperty("run", run.toString());
            root.addProperty("lexicon", lexicon.toString());
            root.addProperty("language", result.language());
            root.addProperty("method", report.method());
            root.addProperty("precision_at_1", result.precisionAt1());
            root.addProperty("precision_at_5", result.precisionAt5());
            root.addProperty("evaluated", result.evaluated());
            root.addProperty("evaluated_overlap", result.evaluatedOverlap());
            root.addProperty("skipped_not_single_target_token", result.skippedNotSingleTargetToken());
            root.addProperty("skipped_no_single_source_token", result.skippedNoSingleSourceToken());
            root.addProperty("target_words", result.targetWords());
            root.addProperty("lexicon_pairs", result.lexiconPairs());
            com.google.gson.JsonArray wordList = new com.google.gson.JsonArray();
            for (LexiconEvaluation.WordResult word : result.words()) {
                JsonObject entry = new JsonObject();
                entry.addProperty("word", word.word());
                entry.addProperty("target_id", word.targetId());
                entry.addProperty("token", word.token());
                entry.addProperty("form", word.form().jsonName());
                entry.addProperty("hit_at_1", word.hitAt1());
                entry.addProperty("hit_at_5", word.hitAt5());
                wordList.add(entry);
            }
            root.add("words", wordList);
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(root));
        } else {
            out.printf(Locale.ROOT, "run %s (method %s), lexicon %s (%s)%n", run, report.method(),
                    lexicon, result.language());
            out.printf(Locale.ROOT, "precision@1 %.3f  precision@5 %.3f  over %d target words (%d of them overlap "
                    + "copies)%n", result.precisionAt1(), result.precisionAt5(), result.evaluated(),
                    result.evaluatedOverlap());
            out.printf(Locale.ROOT, "skipped %d of %d target words: %d not a single target token, %d without a gold "
                    + "English word that is a single source token%n",
                    result.skippedNotSingleTargetToken() + result.skippedNoSingleSourceToken(), result.targetWords(),
                    result.skippedNotSingleTargetToken(), result.skippedNoSingleSourceToken());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
