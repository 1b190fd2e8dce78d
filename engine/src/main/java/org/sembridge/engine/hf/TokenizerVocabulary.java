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
/// @param tokens token strings indexed by id; size = largest id + 1
/// @param specialIds ids of added tokens marked `special`
record TokenizerVocabulary(List<String> tokens, Set<Integer> specialIds) {

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
            for (Map.Entry<String, JsonElement> entry : vocab.getAsJsonObject().entrySet()) {
                byId.put(id(file, entry.getValue(), entry.getKey()), entry.getKey());
            }
        } else if (vocab.isJsonArray()) {
            JsonArray pieces = vocab.getAsJsonArray();
            for (int id = 0; id < pieces.size(); id++) {
                JsonElement piece = pieces.get(id);
                if (!piece.isJsonArray() || piece.getAsJsonArray().isEmpty()) {
                    throw new ModelFormatException(file + ": model.vocab entry " + id
                            + " must be a [token, score] pair, found " + piece);
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
                JsonObject token = element.getAsJsonObject();
                int id = id(file, token.get("id"), String.valueOf(token.get("content")));
                byId.put(id, token.get("content").getAsString());
                if (token.has("special") && token.get("special").getAsBoolean()) {
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
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()
                || value.getAsInt() < 0) {
            throw new ModelFormatException(file + ": token " + token + " has no valid id, found " + value);
        }
        return value.getAsInt();
    }
}
