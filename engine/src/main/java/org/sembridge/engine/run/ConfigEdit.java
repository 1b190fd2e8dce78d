package org.sembridge.engine.run;

/// One change made to the source's `config.json` for the adapted model, recorded in `run.json`.
///
/// @param key the config key, e.g. `vocab_size`, `pad_token_id`
/// @param sourceValue the value in the source config (as JSON text)
/// @param writtenValue the value written (as JSON text)
/// @param note why, in one sentence
public record ConfigEdit(String key, String sourceValue, String writtenValue, String note) {
}
