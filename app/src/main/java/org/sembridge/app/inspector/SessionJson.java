package org.sembridge.app.inspector;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.function.Function;

/// Lenient reads of a saved session object: a missing field, a field of the wrong type or an
/// unknown name gives an empty value, so a session from another version keeps the defaults.
///
/// @param object the saved JSON object
record SessionJson(JsonObject object) {

    Optional<String> string(String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                ? Optional.of(value.getAsString()) : Optional.empty();
    }

    Optional<Boolean> bool(String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()
                ? Optional.of(value.getAsBoolean()) : Optional.empty();
    }

    Optional<Double> number(String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                ? Optional.of(value.getAsDouble()) : Optional.empty();
    }

    Optional<Integer> integer(String key) {
        return number(key).filter(n -> n == Math.rint(n) && Math.abs(n) <= Integer.MAX_VALUE).map(Double::intValue);
    }

    /// The string at `key` parsed by `parser` (an enum's `valueOf`); empty when it throws
    /// `IllegalArgumentException`.
    <T> Optional<T> parsed(String key, Function<String, T> parser) {
        return string(key).flatMap(text -> {
            try {
                return Optional.of(parser.apply(text));
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        });
    }

    /// The object at `key`, empty when missing or not an object.
    Optional<SessionJson> child(String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonObject() ? Optional.of(new SessionJson(value.getAsJsonObject()))
                : Optional.empty();
    }
}
