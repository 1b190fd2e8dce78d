package org.sembridge.engine.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

import com.google.gson.JsonObject;

import org.apache.lucene.search.IndexSearcher;

import org.sembridge.engine.io.AtomicFiles;

/// The tables of an [ExperimentResult], shaped like the paper's zero-shot table: rows = methods,
/// columns = target languages and their average, cells = nDCG@10.
///
/// - [#markdown()]: the table with three decimals (the paper's precision), the best encoder per
///   column in bold; the source-language reference (source encoder, BM25) as a second small table;
///   notes: what was measured, queries cut to the clause limit or empty.
/// - [#csv()]: the same table with four decimals, header `method,label,<languages>,avg`; fields
///   quoted per RFC 4180 where needed.
/// - [#json()]: every cell with nDCG@10, Recall@100, MRR@10, query counts, run and index folders,
///   reuse flags and seconds; per row the averages of the three measures; the reference cells;
///   the settings and the provenance.
///
/// [#writeTo(Path)] writes the three as [#MARKDOWN_FILE], [#CSV_FILE] and [#JSON_FILE], each
/// atomically.
public final class ExperimentReport {

    /// The Markdown table's file name.
    public static final String MARKDOWN_FILE = "table.md";
    /// The CSV table's file name.
    public static final String CSV_FILE = "table.csv";
    /// The full results' file name.
    public static final String JSON_FILE = "results.json";
    /// The `format` of [#JSON_FILE].
    public static final String FORMAT = "sembridge-experiment";
    /// Value of `format_version` in [#JSON_FILE].
    public static final int FORMAT_VERSION = 1;

    private final ExperimentResult result;

    /// The report of `result`.
    public ExperimentReport(ExperimentResult result) {
        this.result = result;
    }

    /// The Markdown table and its notes (ends with a newline).
    public String markdown() {
        List<String> languages = languageCodes();
        StringBuilder text = new StringBuilder();
        text.append("| Method |");
        languages.forEach(code -> text.append(' ').append(code).append(" |"));
        text.append(" Avg |\n|:---|");
        text.append("---:|".repeat(languages.size() + 1)).append('\n');
        List<OptionalDouble> best = new ArrayList<>();
        for (String code : languages) {
            best.add(bestEncoderScore(method -> result.cell(code, method).map(c -> c.scores().ndcgAt10())));
        }
        best.add(bestEncoderScore(method -> optional(result.average(method, RetrievalScores::ndcgAt10))));
        for (ExperimentMethod method : result.config().methods()) {
            text.append("| ").append(method.label()).append(" |");
            for (int i = 0; i < languages.size(); i++) {
                Optional<Double> value = result.cell(languages.get(i), method).map(c -> c.scores().ndcgAt10());
                text.append(' ').append(markdownCell(method, value, best.get(i))).append(" |");
            }
            text.append(' ').append(markdownCell(method, optional(result.average(method, RetrievalScores::ndcgAt10)),
                    best.getLast())).append(" |\n");
        }
        text.append('\n');
        if (!result.reference().isEmpty()) {
            text.append("| Reference: ").append(result.config().reference().orElseThrow().code())
                    .append(" (source language) | nDCG@10 | Recall@100 | MRR@10 |\n|:---|---:|---:|---:|\n");
            for (ExperimentCell cell : result.reference()) {
                text.append("| ").append(cell.method().lexical() ? "BM25" : "Source encoder").append(" | ")
                        .append(decimals(cell.scores().ndcgAt10(), 3)).append(" | ")
                        .append(decimals(cell.scores().recallAt100(), 3)).append(" | ")
                        .append(decimals(cell.scores().mrrAt10(), 3)).append(" |\n");
            }
            text.append('\n');
        }
        notes().forEach(note -> text.append("- ").append(note).append('\n'));
        return text.toString();
    }

    /// The CSV table (ends with a newline).
    public String csv() {
        List<String> languages = languageCodes();
        StringBuilder text = new StringBuilder("method,label");
        languages.forEach(code -> text.append(',').append(csvField(code)));
        text.append(",avg\n");
        for (ExperimentMethod method : result.config().methods()) {
            text.append(csvField(method.id())).append(',').append(csvField(method.label()));
            for (String code : languages) {
                text.append(',').append(result.cell(code, method).map(c -> decimals(c.scores().ndcgAt10(), 4))
                        .orElse(""));
            }
            OptionalDouble average = result.average(method, RetrievalScores::ndcgAt10);
            text.append(',').append(average.isPresent() ? decimals(average.getAsDouble(), 4) : "").append('\n');
        }
        return text.toString();
    }

    /// The full results as one JSON document (written by [ExperimentResultsCodec]).
    public JsonObject json() {
        return ExperimentResultsCodec.toJson(results());
    }

    /// The full results as values, as [#JSON_FILE] stores them.
    public ExperimentResults results() {
        ExperimentConfig config = result.config();
        ExperimentResults.Settings settings = new ExperimentResults.Settings(config.source().toString(),
                config.bridge().map(Path::toString).orElse(null), config.biasMode().cliName(),
                config.device().name().toLowerCase(Locale.ROOT), config.seed(), ExperimentRunner.DEPTH,
                IndexSearcher.getMaxClauseCount());
        List<ExperimentResults.Row> rows = new ArrayList<>();
        for (ExperimentMethod method : config.methods()) {
            rows.add(row(method, result.cells(), new ExperimentResults.Average(
                    average(method, RetrievalScores::ndcgAt10), average(method, RetrievalScores::recallAt100),
                    average(method, RetrievalScores::mrrAt10))));
        }
        Optional<ExperimentResults.Reference> reference = config.reference().map(language ->
                new ExperimentResults.Reference(language.code(), result.reference().stream()
                        .map(cell -> row(cell.method(), result.reference(), null)).toList()));
        return new ExperimentResults(FORMAT_VERSION, config.file().toString(), result.outFolder().toString(),
                "nDCG@10", settings, languageCodes(), rows, reference, result.provenance().toJson());
    }

    /// Writes [#MARKDOWN_FILE], [#CSV_FILE] and [#JSON_FILE] into `folder`, each atomically.
    ///
    /// @throws IOException when a file cannot be written (that file is then unchanged)
    public void writeTo(Path folder) throws IOException {
        AtomicFiles.writeString(folder.resolve(MARKDOWN_FILE), markdown());
        AtomicFiles.writeString(folder.resolve(CSV_FILE), csv());
        ExperimentResultsCodec.write(results(), folder.resolve(JSON_FILE));
    }

    private List<String> languageCodes() {
        return result.config().languages().stream().map(ExperimentLanguage::code).toList();
    }

    private static ExperimentResults.Row row(ExperimentMethod method, List<ExperimentCell> cells,
            ExperimentResults.Average average) {
        Map<String, ExperimentResults.Cell> byLanguage = new LinkedHashMap<>();
        for (ExperimentCell cell : cells) {
            if (cell.method().equals(method)) {
                byLanguage.put(cell.language(), new ExperimentResults.Cell(cell.scores().ndcgAt10(),
                        cell.scores().recallAt100(), cell.scores().mrrAt10(), cell.scores().judgedQueries(),
                        cell.emptyQueries(), cell.truncatedQueries(), cell.runFolder().map(Path::toString).orElse(null),
                        cell.indexFolder().toString(), cell.runReused(), cell.scoresReused(), cell.seconds()));
            }
        }
        return new ExperimentResults.Row(method.id(), method.name(), method.readsAlpha() ? method.alpha() : null,
                method.label(), byLanguage, average);
    }

    private Double average(ExperimentMethod method, ToDoubleFunction<RetrievalScores> measure) {
        OptionalDouble value = result.average(method, measure);
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private interface Score {
        Optional<Double> of(ExperimentMethod method);
    }

    /// The best score among the encoder rows (every row but `bm25`), rounded as printed.
    private OptionalDouble bestEncoderScore(Score score) {
        return result.config().methods().stream().filter(m -> !m.lexical()).map(score::of).flatMap(Optional::stream)
                .mapToDouble(v -> Double.parseDouble(decimals(v, 3))).max();
    }

    private static String markdownCell(ExperimentMethod method, Optional<Double> value, OptionalDouble best) {
        if (value.isEmpty()) {
            return "–";
        }
        String printed = decimals(value.get(), 3);
        boolean isBest = !method.lexical() && best.isPresent() && Double.parseDouble(printed) == best.getAsDouble();
        return isBest ? "**" + printed + "**" : printed;
    }

    private List<String> notes() {
        ExperimentConfig config = result.config();
        List<String> notes = new ArrayList<>();
        int queries = result.cells().isEmpty() ? 0 : result.cells().getFirst().scores().judgedQueries();
        notes.add(String.format(Locale.ROOT, "nDCG@10 (trec_eval -c -M 100) of the top %d documents per query; "
                + "source %s, bridge %s, decoder bias %s, seed %d; %s judged queries in %s.",
                ExperimentRunner.DEPTH, config.source().getFileName(),
                config.bridge().map(b -> b.getFileName().toString()).orElse("none"), config.biasMode().cliName(),
                config.seed(), sameQueryCount() ? Integer.toString(queries) : "varying numbers of",
                languageCodes().size() == 1 ? "the language" : "each language"));
        List<String> truncated = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (ExperimentCell cell : result.cells()) {
            String where = cell.method().label() + " " + cell.language() + " ";
            if (cell.truncatedQueries() > 0) {
                truncated.add(where + cell.truncatedQueries() + "/" + cell.scores().judgedQueries());
            }
            if (cell.emptyQueries() > 0) {
                empty.add(where + cell.emptyQueries() + "/" + cell.scores().judgedQueries());
            }
        }
        if (!truncated.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "Queries scored on their %,d largest weights only (Lucene's clause "
                    + "limit): %s.", IndexSearcher.getMaxClauseCount(), String.join(", ", truncated)));
        }
        if (!empty.isEmpty()) {
            notes.add("Queries with nothing to search for (scored 0): " + String.join(", ", empty) + ".");
        }
        return notes;
    }

    private boolean sameQueryCount() {
        return result.cells().stream().map(c -> c.scores().judgedQueries()).distinct().count() <= 1;
    }

    private static Optional<Double> optional(OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }

    private static String decimals(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
