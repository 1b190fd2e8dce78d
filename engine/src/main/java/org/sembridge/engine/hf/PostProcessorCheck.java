package org.sembridge.engine.hf;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.sembridge.engine.ModelFormatException;

/// Checks the `post_processor` of a `tokenizer.json` before the native `tokenizers` library sees
/// it, because the library trusts it: a `TemplateProcessing` piece that names a special token
/// missing from `special_tokens` makes it panic while encoding, which aborts the whole JVM
/// (found by the hostile-input harness).
///
/// A `TemplateProcessing` (also inside a `Sequence` of processors) must have `single` with
/// exactly one `Sequence` piece `A` and `pair`, when present, one `A` and one `B` (more would repeat the
/// text past the token limit); every `SpecialToken` piece must name an entry of
/// `special_tokens`; every entry must have as many `ids` as `tokens`, each id inside the
/// vocabulary. Other post-processors are left to the library, which refuses them cleanly.
final class PostProcessorCheck {

    private static final String TEMPLATE = "TemplateProcessing";

    private PostProcessorCheck() {
    }

    /// Throws a [ModelFormatException] naming `file` and the offending entry when the
    /// post-processor `processor` (the `post_processor` value of the `tokenizer.json`, as
    /// [TokenizerVocabulary#read(Path, java.io.Reader, java.util.function.Consumer)] hands it over;
    /// null when the file has none) is one the native library would mishandle.
    static void check(Path file, JsonElement processor, int vocabularySize) throws ModelFormatException {
        if (processor != null && processor.isJsonObject()) {
            checkProcessor(file, processor.getAsJsonObject(), "post_processor", vocabularySize);
        }
    }

    private static void checkProcessor(Path file, JsonObject processor, String where, int vocabularySize)
            throws ModelFormatException {
        String type = processor.has("type") && isString(processor.get("type")) ? processor.get("type").getAsString() : "";
        if (type.equals("Sequence") && processor.get("processors") instanceof JsonArray processors) {
            for (int i = 0; i < processors.size(); i++) {
                if (!processors.get(i).isJsonObject()) {
                    throw error(file, where + ".processors[" + i + "]", "a processor object", processors.get(i));
                }
                checkProcessor(file, processors.get(i).getAsJsonObject(), where + ".processors[" + i + "]",
                        vocabularySize);
            }
        } else if (type.equals(TEMPLATE)) {
            Set<String> specials = specialTokens(file, processor.get("special_tokens"), where + ".special_tokens",
                    vocabularySize);
            checkTemplate(file, processor.get("single"), where + ".single", specials, Set.of("A"));
            if (processor.has("pair")) {
                checkTemplate(file, processor.get("pair"), where + ".pair", specials, Set.of("A", "B"));
            }
        }
    }

    private static Set<String> specialTokens(Path file, JsonElement element, String where, int vocabularySize)
            throws ModelFormatException {
        if (element == null || !element.isJsonObject()) {
            throw error(file, where, "an object of special tokens", element);
        }
        for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
            String at = where + "." + entry.getKey();
            if (!entry.getValue().isJsonObject()) {
                throw error(file, at, "an object with ids and tokens", entry.getValue());
            }
            JsonObject token = entry.getValue().getAsJsonObject();
            if (!(token.get("ids") instanceof JsonArray ids) || !(token.get("tokens") instanceof JsonArray tokens)) {
                throw error(file, at, "lists \"ids\" and \"tokens\"", token);
            }
            if (ids.size() != tokens.size()) {
                throw new ModelFormatException(file + ": " + at + " has " + ids.size() + " ids but " + tokens.size()
                        + " tokens; expected one id per token");
            }
            for (JsonElement id : ids) {
                if (!id.isJsonPrimitive() || !id.getAsJsonPrimitive().isNumber() || id.getAsDouble() < 0
                        || id.getAsDouble() >= vocabularySize || id.getAsDouble() != Math.rint(id.getAsDouble())) {
                    throw error(file, at + ".ids", "token ids from 0 to " + (vocabularySize - 1), id);
                }
            }
        }
        return element.getAsJsonObject().keySet();
    }

    private static void checkTemplate(Path file, JsonElement element, String where, Set<String> specials,
            Set<String> sequences) throws ModelFormatException {
        if (element == null || !element.isJsonArray()) {
            throw error(file, where, "a list of template pieces", element);
        }
        JsonArray pieces = element.getAsJsonArray();
        int sequenceCount = 0;
        for (int i = 0; i < pieces.size(); i++) {
            String at = where + "[" + i + "]";
            JsonElement piece = pieces.get(i);
            if (!piece.isJsonObject() || piece.getAsJsonObject().size() != 1) {
                throw error(file, at, "{\"SpecialToken\": {...}} or {\"Sequence\": {...}}", piece);
            }
            JsonObject object = piece.getAsJsonObject();
            JsonElement special = object.get("SpecialToken");
            JsonElement sequence = object.get("Sequence");
            JsonElement body = special != null ? special : sequence;
            if (body == null || !body.isJsonObject() || !isString(body.getAsJsonObject().get("id"))) {
                throw error(file, at, "{\"SpecialToken\": {\"id\": ...}} or {\"Sequence\": {\"id\": ...}}", piece);
            }
            String id = body.getAsJsonObject().get("id").getAsString();
            if (special != null && !specials.contains(id)) {
                throw new ModelFormatException(file + ": " + at + " names the special token \"" + id
                        + "\", which post_processor.special_tokens does not define");
            }
            if (sequence != null) {
                if (!sequences.contains(id)) {
                    throw error(file, at + ".Sequence.id", "one of " + sequences, body.getAsJsonObject().get("id"));
                }
                sequenceCount++;
            }
        }
        if (sequenceCount != sequences.size()) {
            throw new ModelFormatException(file + ": " + where + " has " + sequenceCount + " Sequence pieces; expected "
                    + sequences.size() + " (" + String.join(", ", sequences.stream().sorted().toList())
                    + "), each text once");
        }
    }

    private static boolean isString(JsonElement element) {
        return element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isString();
    }

    private static ModelFormatException error(Path file, String where, String expected, JsonElement found) {
        String text = String.valueOf(found);
        return new ModelFormatException(file + ": " + where + ": expected " + expected + ", found "
                + (text.length() > 60 ? text.substring(0, 57) + "..." : text));
    }
}
