package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sembridge.engine.run.LoadedRun;

/// A small sentence-transformers `*ForMaskedLM` source folder (random weights, `modules.json`,
/// `1_Pooling/`) through `sembridge init`, which reads the source, transfers it and copies the
/// source's sentence-transformers files into the adapted model.
///
/// Accepted input is correct when the run folder opens with [LoadedRun#open] and holds nothing
/// that leads outside it ([OutputCheck]).
final class InitTarget implements HostileReader {

    @Override
    public String name() {
        return "init (source folder)";
    }

    @Override
    public int weight() {
        return 2;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        Path source = c.folder().resolve("source");
        ScratchRoot.copyInto(c.scratch().pristine("st-source"), source);
        return List.of(MutableFile.withPaths(source.resolve("modules.json")),
                MutableFile.of(source.resolve("1_Pooling").resolve("config.json"), ContentKind.JSON),
                MutableFile.of(source.resolve("sentence_bert_config.json"), ContentKind.JSON),
                MutableFile.of(source.resolve("config.json"), ContentKind.JSON),
                MutableFile.of(source.resolve("tokenizer.json"), ContentKind.JSON));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        CliCall call = CliCall.of("init", "--source", c.folder().resolve("source").toString(), "--target-tokenizer",
                c.scratch().pristine("target-tokenizer").toString(), "--bridge",
                c.scratch().pristine("bridge").toString(), "--device", "cpu", "--cache", c.scratch().cache().toString(),
                "--out", c.output().toString());
        if (call.exitCode() != 0) {
            return call.exited();
        }
        OutputCheck.requireConfined(c.output());
        LoadedRun run = LoadedRun.open(c.output());
        return new Observation.Accepted(run.targetSize() + " target tokens");
    }
}
