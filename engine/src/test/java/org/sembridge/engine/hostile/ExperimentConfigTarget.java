package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sembridge.engine.experiment.ExperimentConfig;
import org.sembridge.engine.experiment.ExperimentLanguage;

/// The demo experiment configuration (`assets/experiments/demo.json`, paths made absolute)
/// through [ExperimentConfig#read], which checks keys, types, ranges and that every named file
/// exists.
///
/// Accepted input is correct when it names at least one method and one language and every
/// language's tokenizer folder exists. (User configuration may name folders anywhere: path
/// escapes are legitimate here, as long as nothing is written.)
final class ExperimentConfigTarget implements HostileReader {

    @Override
    public String name() {
        return "experiment config";
    }

    @Override
    public int weight() {
        return 5;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        Path file = c.folder().resolve("experiment.json");
        ScratchRoot.copyInto(c.scratch().pristine("experiment.json"), file);
        return List.of(MutableFile.withPaths(file));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        ExperimentConfig config = ExperimentConfig.read(c.folder().resolve("experiment.json"));
        InvariantViolation.check(!config.methods().isEmpty() && !config.languages().isEmpty(), "nothing to run");
        for (ExperimentLanguage language : config.languages()) {
            language.tokenizer().ifPresent(t -> InvariantViolation.check(Files.exists(t), "tokenizer " + t + " missing"));
        }
        return new Observation.Accepted(config.methods().size() + " methods x " + config.languages().size()
                + " languages");
    }
}
