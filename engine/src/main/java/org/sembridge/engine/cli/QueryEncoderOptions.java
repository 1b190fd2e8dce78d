package org.sembridge.engine.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.encoder.DeviceUnavailableException;
import org.sembridge.engine.encoder.SpladeSettings;
import org.sembridge.engine.index.QueryWeighting;
import org.sembridge.engine.index.SparseIndex;
import org.sembridge.engine.index.SparseQueryEncoder;
import org.sembridge.engine.index.SpladeTextEncoder;
import org.sembridge.engine.workflow.IndexOpening;
import org.sembridge.engine.workflow.OpenedIndex;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// The shared options of commands that encode queries against an index (`search`, `eval`,
/// `export`): which model, which query weighting, which device (a picocli mixin).
///
/// The model defaults to the one recorded in the index when it was built, so that the usual
/// case needs no `--model`; either way the index refuses queries from a model with another
/// fingerprint.
final class QueryEncoderOptions {

    @Option(names = "--model", paramLabel = "DIR",
            description = "Sparse encoder folder for the queries. Default: the model recorded in the index.")
    Path model;

    @Option(names = "--inference-free",
            description = "Weight queries by the tokenizer alone: every distinct query token gets weight 1,"
                    + " no expansion, no model run. Default: encode queries with the model.")
    boolean inferenceFree;

    /// The end of the error for an index whose recorded model folder is gone.
    private static final String MISSING_MODEL_ADVICE = "pass --model DIR with the same model";

    @Mixin
    DeviceOption device;

    /// The query weighting chosen by `--inference-free`.
    QueryWeighting weighting() {
        return inferenceFree ? QueryWeighting.INFERENCE_FREE : QueryWeighting.ENCODER;
    }

    /// How `search`, `eval` and `export` open an index: `--model` or the recorded model, the
    /// weighting, the device.
    ///
    /// @throws InputFormatException when `--device` is not auto, cpu or gpu
    IndexOpening opening() throws InputFormatException {
        return new IndexOpening(Optional.ofNullable(model), weighting(), device.choice(), MISSING_MODEL_ADVICE);
    }

    /// Loads the query encoder for `index`: `--model`, else the model folder recorded in the index.
    ///
    /// @throws ModelFormatException when the folder is not a usable model, or `--model` is absent
    ///     and the recorded folder is gone (the message names it and suggests `--model`)
    /// @throws DeviceUnavailableException when `--device gpu` was asked for and no GPU is usable
    SpladeTextEncoder load(SparseIndex index)
            throws ModelFormatException, InputFormatException, DeviceUnavailableException {
        return SpladeTextEncoder.load(OpenedIndex.modelFolder(index, opening()), device.choice(),
                SpladeSettings.DEFAULTS);
    }

    /// The query encoder of `encoder` with the chosen weighting.
    SparseQueryEncoder queryEncoder(SpladeTextEncoder encoder) {
        return new SparseQueryEncoder(encoder, weighting());
    }
}
