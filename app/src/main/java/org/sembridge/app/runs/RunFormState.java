package org.sembridge.app.runs;

import com.google.gson.JsonObject;
import org.sembridge.app.session.SessionPartReader;
import org.sembridge.engine.run.BiasMode;
import org.sembridge.engine.run.UnknownBridgeRule;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;

/// The new-run form's part of a saved session (key `runs`), with its member names in one place.
/// A `null` component was not in the file, or was of the wrong type or an unknown value
/// (reported to the reader), and keeps the form's current value; `language` and `run_name` are
/// written only when set.
///
/// ```json
/// {"method": "sembridge", "alpha": 4.0, "bias_mode": "index", "fuzzy": false, "symbols": false,
///  "map_specials": true, "unknown_bridge": "entmax", "seed": 42, "language": "ko", "run_name": "ko-a4"}
/// ```
///
/// @param method the transfer method's name (one [InitializerRegistry] knows)
/// @param alpha alpha as saved (range checked by the form, as if typed)
/// @param biasMode the decoder-bias mode
/// @param fuzzy fuzzy overlap matching
/// @param symbols symbol overlap matching
/// @param mapSpecials mapping of special tokens
/// @param unknownBridge the rule for tokens without bridge support
/// @param seed the random seed (exact: a whole number, never through a double)
/// @param language the recorded target language
/// @param runName the run name the user typed
public record RunFormState(String method, Double alpha, BiasMode biasMode, Boolean fuzzy, Boolean symbols,
        Boolean mapSpecials, UnknownBridgeRule unknownBridge, Long seed, String language, String runName) {

    static final String KEY = "runs";
    static final String METHOD = "method";
    static final String ALPHA = "alpha";
    static final String BIAS_MODE = "bias_mode";
    static final String FUZZY = "fuzzy";
    static final String SYMBOLS = "symbols";
    static final String MAP_SPECIALS = "map_specials";
    static final String UNKNOWN_BRIDGE = "unknown_bridge";
    static final String SEED = "seed";
    static final String LANGUAGE = "language";
    static final String RUN_NAME = "run_name";

    /// The state as the session file stores it.
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty(METHOD, method);
        json.addProperty(ALPHA, alpha);
        json.addProperty(BIAS_MODE, biasMode == null ? null : biasMode.cliName());
        json.addProperty(FUZZY, fuzzy);
        json.addProperty(SYMBOLS, symbols);
        json.addProperty(MAP_SPECIALS, mapSpecials);
        json.addProperty(UNKNOWN_BRIDGE, unknownBridge == null ? null : unknownBridge.cliName());
        json.addProperty(SEED, seed);
        if (language != null) {
            json.addProperty(LANGUAGE, language);
        }
        if (runName != null) {
            json.addProperty(RUN_NAME, runName);
        }
        return json;
    }

    /// The state `fields` holds, read member by member in file-key order; a member of the wrong
    /// type, an unknown method, bias mode or unknown-bridge rule is reported to `fields` by name
    /// and reads as `null`.
    public static RunFormState fromJson(SessionPartReader fields) {
        String method = fields.oneOf(METHOD, InitializerRegistry.names(),
                "one of " + String.join(", ", InitializerRegistry.names())).orElse(null);
        Double alpha = fields.number(ALPHA).orElse(null);
        BiasMode biasMode = fields.parsed(BIAS_MODE, BiasMode::parse).orElse(null);
        Boolean fuzzy = fields.bool(FUZZY).orElse(null);
        Boolean symbols = fields.bool(SYMBOLS).orElse(null);
        Boolean mapSpecials = fields.bool(MAP_SPECIALS).orElse(null);
        UnknownBridgeRule unknownBridge = fields.parsed(UNKNOWN_BRIDGE, UnknownBridgeRule::parse).orElse(null);
        Long seed = fields.wholeNumber(SEED).orElse(null);
        String language = fields.string(LANGUAGE).orElse(null);
        String runName = fields.string(RUN_NAME).orElse(null);
        return new RunFormState(method, alpha, biasMode, fuzzy, symbols, mapSpecials, unknownBridge, seed, language,
                runName);
    }
}
