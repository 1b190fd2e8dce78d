package org.sembridge.engine.hf;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import org.sembridge.engine.ModelFormatException;

/// The vocabulary of a `tokenizer.json`, read from the JSON itself (the native tokenizer does
/// not expose it): token strings in id order and the ids of special tokens.
///
/// `model.vocab` is a `{token: id}` map for WordPiece, BPE and WordLevel models and a list of
/// `[token, score]` pairs (id = position) for Unigram models; `added_tokens` entries add or
/// override ids, and those marked `special` form [#specialIds()]. Ids missing from both (rare
/// gaps) map to the empty string.
///
/// The file is read as a stream ([JsonReader]): only `model.vocab` and `added_tokens` become Java
/// objects, everything else (BPE `merges`, normalisers, templates) is skipped token by token, and
/// tokens go straight into an array indexed by id. A 262k-entry BPE `tokenizer.json` with 515k
/// merges (33 MB) therefore costs one pass over its bytes and the 262k strings, not a JSON tree
/// of a million nodes (what made loading take several seconds; see `bench tokenizer`).
///
/// @param tokens token strings indexed by id; size = largest id + 1
/// @param specialIds ids of added tokens marked `special`
record TokenizerVocabulary(List<String> tokens, Set<Integer> specialIds) {

    /// Largest id accepted: beyond it the array by id would not fit in memory for any real
    /// tokenizer (the largest known vocabularies have about 262k entries).
    static final int MAX_ID = 1 << 26;

    TokenizerVocabulary {
        tokens = List.copyOf(tokens);
        specialIds = Set.copyOf(specialIds);
    }

    /// Reads the vocabulary of an already parsed `tokenizer.json` (tests, small files).
    static TokenizerVocabulary read(Path file, JsonObject root) throws ModelFormatException {
        return read(file, new StringReader(root.toString()));
    }

    /// Reads the vocabulary from the text of `file`, streaming; `reader` is not closed.
    ///
    /// @throws ModelFormatException naming the file and the entry when the JSON is malformed,
    ///     `model.vocab` is missing or of the wrong kind, an id is not a non-negative integer, or
    ///     the vocabulary is empty
    static TokenizerVocabulary read(Path file, Reader reader) throws ModelFormatException {
        TokensById tokens = new TokensById(file);
        Set<Integer> special = new TreeSet<>();
        boolean vocabFound = false;
        JsonReader json = new JsonReader(reader);
        try {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                throw new ModelFormatException(file + ": expected a JSON object, found " + json.peek());
            }
            List<AddedToken> added = new ArrayList<>();
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                if (name.equals("model") && json.peek() == JsonToken.BEGIN_OBJECT) {
                    vocabFound |= readModel(file, json, tokens);
                } else if (name.equals("added_tokens") && json.peek() == JsonToken.BEGIN_ARRAY) {
                    readAddedTokens(file, json, added);
                } else {
                    json.skipValue();
                }
            }
            json.endObject();
            for (AddedToken token : added) {
                tokens.put(token.id(), token.content());
                if (token.special()) {
                    special.add(token.id());
                }
            }
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new ModelFormatException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (!vocabFound) {
            throw new ModelFormatException(file + ": no \"model.vocab\"; expected a WordPiece, BPE, WordLevel "
                    + "or Unigram tokenizer");
        }
        if (tokens.size() == 0) {
            throw new ModelFormatException(file + ": the vocabulary is empty");
        }
        return new TokenizerVocabulary(tokens.list(), special);
    }

    /// Reads the `model` object; returns whether it had a `vocab`.
    private static boolean readModel(Path file, JsonReader json, TokensById tokens)
            throws IOException, ModelFormatException {
        boolean found = false;
        json.beginObject();
        while (json.hasNext()) {
            if (!json.nextName().equals("vocab")) {
                json.skipValue();
                continue;
            }
            found = true;
            switch (json.peek()) {
                case BEGIN_OBJECT -> {
                    json.beginObject();
                    while (json.hasNext()) {
                        String token = json.nextName();
                        tokens.put(id(file, json, token), token);
                    }
                    json.endObject();
                }
                case BEGIN_ARRAY -> {
                    json.beginArray();
                    for (int id = 0; json.hasNext(); id++) {
                        if (json.peek() != JsonToken.BEGIN_ARRAY) {
                            throw new ModelFormatException(file + ": model.vocab entry " + id
                                    + " must be a [token, score] pair, found " + json.peek());
                        }
                        json.beginArray();
                        if (!json.hasNext() || json.peek() != JsonToken.STRING) {
                            throw new ModelFormatException(file + ": model.vocab entry " + id
                                    + " must be a [token, score] pair starting with the token string");
                        }
                        tokens.put(id, json.nextString());
                        while (json.hasNext()) {
                            json.skipValue();
                        }
                        json.endArray();
                    }
                    json.endArray();
                }
                default -> throw new ModelFormatException(file + ": model.vocab must be a map or a list, found "
                        + json.peek());
            }
        }
        json.endObject();
        return found;
    }

    private static void readAddedTokens(Path file, JsonReader json, List<AddedToken> added)
            throws IOException, ModelFormatException {
        json.beginArray();
        for (int index = 0; json.hasNext(); index++) {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                throw new ModelFormatException(file + ": added_tokens entry " + index + " must be an object, found "
                        + json.peek());
            }
            Integer id = null;
            String content = null;
            boolean special = false;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "id" -> id = id(file, json, "of added_tokens entry " + index);
                    case "content" -> content = json.nextString();
                    case "special" -> special = json.nextBoolean();
                    default -> json.skipValue();
                }
            }
            json.endObject();
            if (id == null || content == null) {
                throw new ModelFormatException(file + ": added_tokens entry " + index + " needs \"id\" and "
                        + "\"content\", found " + (id == null ? "no id" : "id " + id) + " and "
                        + (content == null ? "no content" : "content " + content));
            }
            added.add(new AddedToken(id, content, special));
        }
        json.endArray();
    }

    private static int id(Path file, JsonReader json, String token) throws IOException, ModelFormatException {
        if (json.peek() != JsonToken.NUMBER) {
            String found = json.peek().toString();
            json.skipValue();
            throw new ModelFormatException(file + ": token " + token + " has no valid id, found " + found);
        }
        double value = json.nextDouble();
        if (value < 0 || value != Math.rint(value) || value > MAX_ID) {
            throw new ModelFormatException(file + ": token " + token + " has no valid id, found " + value
                    + " (ids are integers in [0, " + MAX_ID + "])");
        }
        return (int) value;
    }

    private record AddedToken(int id, String content, boolean special) {
    }

    /// Token strings by id in a growing array; a later `put` of an id overrides an earlier one.
    private static final class TokensById {
        private final Path file;
        private String[] byId = new String[1024];
        private int size;

        TokensById(Path file) {
            this.file = file;
        }

        void put(int id, String token) {
            if (id >= byId.length) {
                byId = Arrays.copyOf(byId, Math.max(id + 1, byId.length * 2));
            }
            byId[id] = token;
            size = Math.max(size, id + 1);
        }

        int size() {
            return size;
        }

        List<String> list() {
            String[] tokens = Arrays.copyOf(byId, size);
            for (int i = 0; i < size; i++) {
                if (tokens[i] == null) {
                    tokens[i] = "";
                }
            }
            return Arrays.asList(tokens);
        }

        @Override
        public String toString() {
            return file + ": " + size + " ids";
        }
    }
}
