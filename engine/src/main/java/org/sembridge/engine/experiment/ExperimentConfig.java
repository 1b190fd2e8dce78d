package org.sembridge.engine.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.run.BiasMode;

/// The zero-shot experiment of the paper as data: which source encoder is transferred with which
/// bridge, by which methods, to which languages, evaluated on which collections.
///
/// Read from a JSON file with [#read(Path)]; relative paths in the file resolve against the
/// file's folder. Keys (defaults in brackets):
///
/// ```
/// {
///   "description": "free text",                       // optional, ignored
///   "source": "path/to/splade-model",                 // *ForMaskedLM folder (required)
///   "bridge": "path/to/bridge",                       // folder or bridge-vector file (required by sembridge, focus, ofa)
///   "bias_mode": "index",                             // index | mapped | zero [index]
///   "device": "auto",                                 // auto | cpu | gpu [auto]
///   "seed": 42,                                       // seed of the random baselines [42]
///   "alphas": [4, 2],                                 // one sembridge row per alpha, each in [1, 8] [[4]]
///   "methods": ["base", "sembridge", "focus", "ofa", "mean", "random", "gauss", "mvgauss", "bm25"],
///                                                     // rows in this order [all but bm25]
///   "languages": {                                    // columns in this order (required, >= 1)
///     "ko": {"tokenizer": "...", "corpus": "...", "queries": "...", "qrels": "...",
///            "bm25_language": "ko"}                   // bm25_language required only with bm25
///   },
///   "reference": {"language": "en", "corpus": "...", "queries": "...", "qrels": "...",
///                 "bm25_language": "en"}              // optional: the source encoder (and BM25) in
///                                                     // the source language, for comparison
/// }
/// ```
///
/// @param file      the configuration file read (absolute)
/// @param source    the source model folder
/// @param bridge    the bridge model folder or bridge-vector file; empty when no method needs one
/// @param biasMode  how the decoder bias is carried over in every transfer
/// @param device    where transfers and encoders run
/// @param seed      seed of the random baselines
/// @param methods   the table rows, in order (`sembridge` once per alpha)
/// @param languages the table columns, in order
/// @param reference the source-language reference collection, if any (its `tokenizer` is empty)
public record ExperimentConfig(Path file, Path source, Optional<Path> bridge, BiasMode biasMode, DeviceChoice device,
        long seed, List<ExperimentMethod> methods, List<ExperimentLanguage> languages,
        Optional<ExperimentLanguage> reference) {

    /// Copies the lists and checks for missing values.
    ///
    /// @throws IllegalArgumentException when there is no method or no language
    public ExperimentConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bridge, "bridge");
        Objects.requireNonNull(biasMode, "biasMode");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(reference, "reference");
        methods = List.copyOf(methods);
        languages = List.copyOf(languages);
        if (methods.isEmpty() || languages.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one method and one language");
        }
    }

    /// Reads and checks a configuration file (format in the class comment).
    ///
    /// @throws InputFormatException naming the file and the key (`languages.ko.corpus`) when the file
    ///     is not valid JSON, a key is unknown, missing or of the wrong type, a value is out of range,
    ///     or a named file or folder does not exist
    public static ExperimentConfig read(Path file) throws InputFormatException {
        return new ExperimentConfigReader(file).read();
    }

    /// This configuration run on `choice` instead of its own device (the `--device` option).
    public ExperimentConfig withDevice(DeviceChoice choice) {
        return new ExperimentConfig(file, source, bridge, biasMode, choice, seed, methods, languages, reference);
    }
}
