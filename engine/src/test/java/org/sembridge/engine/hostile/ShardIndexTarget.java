package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.ModelSummary;

/// A two-shard copy of the sample encoder (`model.safetensors.index.json` + two shards) through
/// [HfModelFolder#describe()], which opens the index, every shard it names and validates the
/// weights against `config.json`.
///
/// Accepted input is correct when every weight file opened lies inside the model folder and the
/// summary's parameter count equals the pristine folder's.
final class ShardIndexTarget implements HostileReader {

    private volatile long pristineParameters = -1;

    @Override
    public String name() {
        return "shard-index";
    }

    @Override
    public int weight() {
        return 7;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        Path model = c.folder().resolve("model");
        ScratchRoot.copyInto(c.scratch().pristine("sharded"), model);
        return List.of(MutableFile.withPaths(model.resolve("model.safetensors.index.json")),
                MutableFile.of(model.resolve("model-00001-of-00002.safetensors"), ContentKind.SAFETENSORS),
                MutableFile.of(model.resolve("model-00002-of-00002.safetensors"), ContentKind.SAFETENSORS));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        Path model = c.folder().resolve("model");
        ModelSummary summary = HfModelFolder.open(model).describe();
        for (Path file : summary.weightFiles()) {
            Confinement.requireInside(file, model, "weight file");
        }
        InvariantViolation.check(summary.parameterCount() == pristineParameters(c), "parameter count "
                + summary.parameterCount() + " differs from the pristine folder's " + pristineParameters(c));
        return new Observation.Accepted(summary.weightFiles().size() + " shards");
    }

    private long pristineParameters(HostileCase c) throws Exception {
        if (pristineParameters < 0) {
            pristineParameters = HfModelFolder.open(c.scratch().pristine("sharded")).describe().parameterCount();
        }
        return pristineParameters;
    }
}
