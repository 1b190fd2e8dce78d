package org.sembridge.engine.hf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.sembridge.engine.ModelFormatException;

/// The vocabulary of a `tokenizer.json`, read from the JSON itself (the native tokenizer does
/// not expose it): token strings in id order and the ids of special tokens.
///
/// `model.vocab` is a `{token: id}` map for WordPiece, BPE and WordLevel models and a list of
/// `[token, score]` pairs (id = position) for Unigram models; `added_tokens` entries add or
/// override ids, and those marked `special` form [#specialIds()]. Ids missing from both (rare
/// gaps) map to the empty string.
///
/// Refused, naming the file and the tokens: two `model.vocab` tokens with the same id (the
/// id-to-token map would be ambiguous, and the transfer would give one embedding row to two
/// different strings; the message counts them and names the first pairs), ids that are negative,
/// not integers or above [#LARGEST_ID], and entries of the wrong JSON type.
///
/// @param tokens token strings indexed by id; size = largest id + 1
/// @param specialIds ids of added tokens marked `special`
record TokenizerVocabulary(List<String> tokens, Set<Integer> specialIds) {

    /// The largest token id accepted, 2^24 - 1: real vocabularies stay below about 1 million
    /// ids, and a larger id would allocate a table of that many strings.
    static final int LARGEST_ID = (1 << 24) - 1;

    private static final int NAMED_DUPLICATES = 3;

    TokenizerVocabulary {
        tokens = List.copyOf(tokens);
        specialIds = Set.copyOf(specialIds);
    }

    static TokenizerVocabulary read(Path file, JsonObject root) throws ModelFormatException {
        TreeMap<Integer, String> byId = new TreeMap<>();
        JsonElement model = root.get("model");
        if (model == null || !model.isJsonObject() || !model.getAsJsonObject().has("vocab")) {
            throw new ModelFormatException(file + ": no \"model.vocab\"; expected a WordPiece, BPE, WordLevel "
                    + "or Unigram tokenizer");
        }
        JsonElement vocab = model.getAsJsonObject().get("vocab");
        if (vocab.isJsonObject()) {
            List<String> duplicates = new ArrayList<>();
            int duplicateCount = 0;
            for (Map.Entry<String, JsonElement> entry : vocab.getAsJsonObject().entrySet()) {
                int id = id(file, entry.getValue(), entry.getKey());
                String previous = byId.putIfAbsent(id, entry.getKey());
                if (previous != null) {
                    duplicateCount++;
                    if (duplicates.size() < NAMED_DUPLICATES) {
                        duplicates.add("'" + previous + "' and '" + entry.getKey() + "' both have id " + id);
                    }
                }
            }
            if (duplicateCount > 0) {
                throw new ModelFormatException(file + ": model.vocab gives " + duplicateCount + " token"
                        + (duplicateCount == 1 ? "" : "s") + " an id another token already has ("
                        + String.join("; ", duplicates) + (duplicateCount > NAMED_DUPLICATES ? "; ..." : "")
                        + "); every token needs its own id");
            }
        } else if (vocab.isJsonArray()) {
            JsonArray pieces = vocab.getAsJsonArray();
            if (pieces.size() > LARGEST_ID + 1) {
                throw new ModelFormatException(file + ": model.vocab has " + pieces.size() + " entries; at most "
                        + (LARGEST_ID + 1) + " are supported");
            }
            for (int id = 0; id < pieces.size(); id++) {
                JsonElement piece = pieces.get(id);
                if (!piece.isJsonArray() || piece.getAsJsonArray().isEmpty()
                        || !isString(piece.getAsJsonArray().get(0))) {
                    throw new ModelFormatException(file + ": model.vocab entry " + id
                            + " must be a [token, score] pair, found " + abbreviate(piece));
                }
                byId.put(id, piece.getAsJsonArray().get(0).getAsString());
            }
        } else {
            throw new ModelFormatException(file + ": model.vocab must be a map or a list, found " + vocab);
        }
        Set<Integer> special = new TreeSet<>();
        JsonElement added = root.get("added_tokens");
        if (added != null && added.isJsonArray()) {
            for (JsonElement element : added.getAsJsonArray()) {
                if (!element.isJsonObject() || !isString(element.getAsJsonObject().get("content"))) {
                    throw new ModelFormatException(file + ": added_tokens entry " + abbreviate(element)
                            + " must be an object with a string \"content\" and an integer \"id\"");
                }
                JsonObject token = element.getAsJsonObject();
                int id = id(file, token.get("id"), String.valueOf(token.get("content")));
                byId.put(id, token.get("content").getAsString());
                JsonElement isSpecial = token.get("special");
                if (isSpecial != null && isSpecial.isJsonPrimitive() && isSpecial.getAsJsonPrimitive().isBoolean()
                        && isSpecial.getAsBoolean()) {
                    special.add(id);
                }
            }
        }
        if (byId.isEmpty()) {
            throw new ModelFormatException(file + ": the vocabulary is empty");
        }
        String[] tokens = new String[byId.lastKey() + 1];
        Arrays.fill(tokens, "");
        byId.forEach((id, token) -> tokens[id] = token);
        return new TokenizerVocabulary(new ArrayList<>(Arrays.asList(tokens)), special);
    }

    private static int id(Path file, JsonElement value, String token) throws ModelFormatException {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new ModelFormatException(file + ": token " + token + " has no valid id, found " + value);
        }
        double number = value.getAsDouble();
        if (number != Math.rint(number) || number < 0 || number > LARGEST_ID) {
            throw new ModelFormatException(file + ": token " + token + " has id " + value
                    + "; expected an integer from 0 to " + LARGEST_ID);
        }
        return (int) number;
    }

    private static boolean isString(JsonElement element) {
        return element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isString();
    }

    private static String abbreviate(JsonElement element) {
        String text = element.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
