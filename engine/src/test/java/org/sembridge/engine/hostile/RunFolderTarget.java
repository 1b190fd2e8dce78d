package org.sembridge.engine.hostile;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.sembridge.engine.provenance.ContentHash;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.SourceWeight;
import org.sembridge.engine.bridge.BridgeVectorStore;

/// A run folder made by `sembridge init` in the test (`run.json`, `alignments.jsonl`, the two
/// vocabulary files, `model/config.json`), through [LoadedRun#open] and every token's record,
/// or through `sembridge inspect --run DIR --token katze --json`.
///
/// Accepted input is correct when the record of every id carries that id and the token the
/// vocabulary gives it, every source weight is finite and lies in [0, 1],
/// the run's method is named and its alpha is finite; for `inspect`, when it prints one JSON
/// document.
final class RunFolderTarget implements HostileReader {

    @Override
    public String name() {
        return "run folder";
    }

    @Override
    public int weight() {
        return 10;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        Path run = c.folder().resolve("run");
        ScratchRoot.copyInto(c.scratch().pristine("run"), run);
        return List.of(MutableFile.withPaths(run.resolve("run.json")),
                MutableFile.of(run.resolve("alignments.jsonl"), ContentKind.JSON_LINES),
                MutableFile.of(run.resolve("target_vocabulary.json"), ContentKind.JSON),
                MutableFile.of(run.resolve("source_vocabulary.json"), ContentKind.JSON),
                MutableFile.of(run.resolve("model").resolve("config.json"), ContentKind.JSON));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        Path folder = c.folder().resolve("run");
        if (new Random(c.seed()).nextInt(3) == 0) {
            CliCall call = CliCall.of("inspect", "--run", folder.toString(), "--token", "katze", "--json");
            if (call.exitCode() != 0) {
                return call.exited();
            }
            JsonParser.parseString(call.out()).getAsJsonObject();
            return new Observation.Accepted("inspect exit 0");
        }
        LoadedRun run = LoadedRun.open(folder, new BridgeVectorStore(c.scratch().cache(), ContentHash.withoutMemo()));
        InvariantViolation.check(!run.manifest().method().isBlank(), "blank method");
        InvariantViolation.check(Double.isFinite(run.manifest().alpha()), "alpha " + run.manifest().alpha());
        List<String> tokens = run.targetTokens();
        InvariantViolation.check(run.targetVocabulary().size() == run.targetSize(), "target vocabulary of "
                + run.targetVocabulary().size() + " tokens, alignments for " + run.targetSize());
        for (int id = 0; id < run.targetSize(); id++) {
            AlignmentRecord record = run.token(id);
            InvariantViolation.check(record.id() == id, "record " + id + " says id " + record.id());
            InvariantViolation.check(record.token().equals(tokens.get(id)), "record " + id + " is '" + record.token()
                    + "', the vocabulary says '" + tokens.get(id) + "'");
            for (SourceWeight source : record.sources()) {
                InvariantViolation.check(Float.isFinite(source.weight()) && source.weight() >= 0
                        && source.weight() <= 1.0001f, "record " + id + ": weight " + source.weight());
            }
        }
        return new Observation.Accepted(run.targetSize() + " records");
    }
}
