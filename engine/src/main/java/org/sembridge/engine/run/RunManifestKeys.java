package org.sembridge.engine.run;

import org.sembridge.engine.io.FormatVersion;

/// The member names of `run.json`, in one place: [RunManifestBuilder] writes with them,
/// [RunManifest] and [RunManifestSchema] read with them. Nested names are grouped by the object
/// they live in; a key used in several objects (`path`, `sha256`) is listed once.
final class RunManifestKeys {

    // Top level.
    static final String FORMAT_KEY = "format";
    static final String FORMAT_VERSION_KEY = "format_version";
    static final String NO_OP = "no_op";
    static final String NO_OP_REASON = "no_op_reason";
    static final String METHOD = "method";
    static final String PARAMETERS = "parameters";
    static final String INPUTS = "inputs";
    static final String DEVICE = "device";
    static final String SOURCE = "source";
    static final String TARGET = "target";
    static final String COUNTS = "counts";
    static final String DECISIONS = "decisions";
    static final String CONFIG_EDITS = "config_edits";
    static final String ESTIMATES_SECONDS = "estimates_seconds";
    static final String TIMINGS_SECONDS = "timings_seconds";
    static final String PROVENANCE = "provenance";

    // parameters.
    static final String ALPHA = "alpha";
    static final String BIAS_MODE = "bias_mode";
    static final String OVERLAP = "overlap";
    static final String UNKNOWN_BRIDGE = "unknown_bridge";
    static final String SEED = "seed";
    static final String TOP_K = "top_k";
    static final String LANGUAGE_OPTION = "language";

    // parameters.overlap.
    static final String EXACT = "exact";
    static final String FUZZY = "fuzzy";
    static final String SYMBOLS = "symbols";
    static final String SPECIALS_BY_ROLE = "specials_by_role";

    // inputs and inputs.*.
    static final String TARGET_TOKENIZER = "target_tokenizer";
    static final String BRIDGE = "bridge";
    static final String PATH = "path";
    static final String SHA256 = "sha256";
    static final String FOLDER = "folder";
    static final String KIND = "kind";
    static final String SOURCE_CACHE_KEY = "source_cache_key";
    static final String TARGET_CACHE_KEY = "target_cache_key";
    /// Value of `inputs.bridge.kind` for a precomputed bridge-vector file.
    static final String KIND_PRECOMPUTED = "precomputed";

    // device.
    static final String NAME = "name";
    static final String REASON = "reason";

    // source.
    static final String FAMILY = "family";
    static final String VOCAB_SIZE = "vocab_size";
    static final String TOKENIZER_SIZE = "tokenizer_size";
    static final String HIDDEN_SIZE = "hidden_size";
    static final String DECODER = "decoder";
    static final String REPLACED_TENSORS = "replaced_tensors";

    // target.
    static final String LANGUAGE = "language";
    static final String LANGUAGE_ORIGIN = "language_origin";
    static final String SCRIPTS = "scripts";
    static final String LANGUAGES = "languages";

    // counts.
    static final String SUPPORT_HISTOGRAM = "support_histogram";
    static final String ROWS_SOLVED = "rows_solved";
    static final String WIDENED_K = "widened_k";
    static final String ON_TOP_K = "on_top_k";
    static final String WIDENED = "widened";
    static final String FULL_ROW = "full_row";
    static final String DENSE_SOFTMAX = "dense_softmax";

    // config_edits[].
    static final String KEY = "key";
    static final String WRITTEN = "written";
    static final String NOTE = "note";

    // timings_seconds.
    static final String TOTAL = "total";

    /// The version rule of `run.json`: `format_version`, absent = 1, newer than
    /// [RunManifest#FORMAT_VERSION] refused.
    static final FormatVersion VERSION = new FormatVersion("run", FORMAT_VERSION_KEY, RunManifest.FORMAT_VERSION);

    private RunManifestKeys() {
    }
}
