package org.sembridge.engine.projection;

import java.util.Objects;

/// What one point of a map stands for: a token of one embedding space.
///
/// @param token the token text as the tokenizer writes it (e.g. `##ing`, `▁서울`); never null
/// @param id the token id in its vocabulary
/// @param space which embedding space the vector comes from, e.g. `source` or `target`
/// @param language the language code used for colouring, e.g. `en`, `ko`; may be empty
/// @param kind a free category, e.g. `overlap` or `new` for target tokens; may be empty
public record PointLabel(String token, int id, String space, String language, String kind) {

    /// Checks that no field is null.
    public PointLabel {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(kind, "kind");
    }

    /// A short description for messages: `"token" (id 17, target)`.
    public String describe() {
        return "\"" + token + "\" (id " + id + (space.isEmpty() ? "" : ", " + space) + ")";
    }
}
