package org.sembridge.engine.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

import org.sembridge.engine.provenance.Provenance;

/// What an experiment measured: one cell per (language, method), the source-language reference
/// cells, and the provenance of the whole run.
///
/// @param config     the configuration that was run
/// @param outFolder  the output folder (runs, indexes, cell records, tables)
/// @param cells      the table cells, language-major in the configuration's order
/// @param reference  the reference cells (`base` and, when configured, `bm25` on the reference
///     collection); empty without a reference
/// @param provenance engine, JDK, OS, device and timestamps of this invocation
public record ExperimentResult(ExperimentConfig config, Path outFolder, List<ExperimentCell> cells,
        List<ExperimentCell> reference, Provenance provenance) {

    /// Copies the lists and checks for missing values.
    public ExperimentResult {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(outFolder, "outFolder");
        Objects.requireNonNull(provenance, "provenance");
        cells = List.copyOf(cells);
        reference = List.copyOf(reference);
    }

    /// The cell of `method` on `language`, if the experiment has it.
    public Optional<ExperimentCell> cell(String language, ExperimentMethod method) {
        return cells.stream().filter(c -> c.language().equals(language) && c.method().equals(method)).findFirst();
    }

    /// The mean of `measure` (e.g. `RetrievalScores::ndcgAt10`) of `method` over every language of
    /// the configuration (the tables' "avg" column); empty when a cell is missing.
    public OptionalDouble average(ExperimentMethod method, ToDoubleFunction<RetrievalScores> measure) {
        double sum = 0;
        for (ExperimentLanguage language : config.languages()) {
            Optional<ExperimentCell> cell = cell(language.code(), method);
            if (cell.isEmpty()) {
                return OptionalDouble.empty();
            }
            sum += measure.applyAsDouble(cell.get().scores());
        }
        return OptionalDouble.of(sum / config.languages().size());
    }
}
