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
import java.util.function.Consumer;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.io.JsonText;

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
/// The file is read as a stream ([JsonReader]): only `model.vocab`, `added_tokens` and (for its
/// check, [PostProcessorCheck]) `post_processor` become Java objects, everything else (BPE `merges`, normalisers, templates) is skipped token by token, and
/// tokens go straight into an array indexed by id. A 262k-entry BPE `tokenizer.json` with 515k
/// merges (33 MB) therefore costs one pass over its bytes and the 262k strings, not a JSON tree
/// of a million nodes (what made loading take several seconds; see `bench tokenizer`).
///
/// @param tokens token strings indexed by id; size = largest id + 1
/// @param specialIds ids of added tokens marked `special`
record TokenizerVocabulary(List<String> tokens, Set<Integer> specialIds) {

    /// The largest token id accepted, 2^24 - 1: real vocabularies stay below about 1 million
    /// ids, and a larger id would allocate a table of that many strings.
    static final int LARGEST_ID = (1 << 24) - 1;

    private static final int NAMED_DUPLICATES = 3;
    /// Reads one value as a tree with the reader's own strictness (`JsonParser.parseReader` would
    /// read it leniently), so the `post_processor` is held to the same syntax as the rest.
    private static final TypeAdapter<JsonElement> TREE = new Gson().getAdapter(JsonElement.class);

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
        return read(file, reader, postProcessor -> { });
    }

    /// As [#read(Path, Reader)], handing the `post_processor` value to `postProcessor` as a tree when
    /// the file has one (each one, in file order), so that its check needs no second pass over the
    /// file ([PostProcessorCheck]).
    static TokenizerVocabulary read(Path file, Reader reader, Consumer<JsonElement> postProcessor)
            throws ModelFormatException {
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
                } else if (name.equals("post_processor")) {
                    postProcessor.accept(TREE.read(json));
                } else {
                    json.skipValue();
                }
            }
            json.endObject();
            for (AddedToken token : added) {
                String before = tokens.get(token.id());
                if (before != null && !before.equals(token.content())) {
                    throw new ModelFormatException(file + ": added_tokens entry \"" + token.content() + "\" has id "
                            + token.id() + ", which model.vocab gives to \"" + before + "\"; two tokens cannot share"
                            + " one id");
                }
                tokens.put(token.id(), token.content());
                if (token.special()) {
                    special.add(token.id());
                }
            }
        } catch (IOException | IllegalStateException | NumberFormatException | JsonParseException e) {
            throw new ModelFormatException(file + ": " + JsonText.malformed(e), e);
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
                    List<String> duplicates = new ArrayList<>();
                    int duplicateCount = 0;
                    while (json.hasNext()) {
                        String token = json.nextName();
                        int id = id(file, json, token);
                        String previous = tokens.putIfAbsent(id, token);
                        if (previous != null) {
                            duplicateCount++;
                            if (duplicates.size() < NAMED_DUPLICATES) {
                                duplicates.add("'" + previous + "' and '" + token + "' both have id " + id);
                            }
                        }
                    }
                    json.endObject();
                    if (duplicateCount > 0) {
                        throw new ModelFormatException(file + ": model.vocab gives " + duplicateCount + " token"
                                + (duplicateCount == 1 ? "" : "s") + " an id another token already has ("
                                + String.join("; ", duplicates) + (duplicateCount > NAMED_DUPLICATES ? "; ..." : "")
                                + "); every token needs its own id");
                    }
                }
                case BEGIN_ARRAY -> {
                    json.beginArray();
                    for (int id = 0; json.hasNext(); id++) {
                        if (id > LARGEST_ID) {
                            throw new ModelFormatException(file + ": model.vocab has more than " + (LARGEST_ID + 1)
                                    + " entries; at most " + (LARGEST_ID + 1) + " are supported");
                        }
                        if (json.peek() != JsonToken.BEGIN_ARRAY) {
                            throw new ModelFormatException(file + ": model.vocab entry " + id
                                    + " must be a [token, score] pair, found " + abbreviate(JsonParser.parseReader(json)));
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
        while (json.hasNext()) {
            JsonElement element = JsonParser.parseReader(json);
            if (!element.isJsonObject() || !isString(element.getAsJsonObject().get("content"))) {
                throw new ModelFormatException(file + ": added_tokens entry " + abbreviate(element)
                        + " must be an object with a string \"content\" and an integer \"id\"");
            }
            JsonObject token = element.getAsJsonObject();
            int id = id(file, token.get("id"), String.valueOf(token.get("content")));
            JsonElement isSpecial = token.get("special");
            boolean special = isSpecial != null && isSpecial.isJsonPrimitive()
                    && isSpecial.getAsJsonPrimitive().isBoolean() && isSpecial.getAsBoolean();
            added.add(new AddedToken(id, token.get("content").getAsString(), special));
        }
        json.endArray();
    }

    /// The id of a `model.vocab` entry, read from the stream.
    private static int id(Path file, JsonReader json, String token) throws IOException, ModelFormatException {
        if (json.peek() != JsonToken.NUMBER) {
            return id(file, JsonParser.parseReader(json), token);
        }
        String literal = json.nextString();
        double number = Double.parseDouble(literal);
        if (number != Math.rint(number) || number < 0 || number > LARGEST_ID) {
            throw new ModelFormatException(file + ": token " + token + " has id " + literal
                    + "; expected an integer from 0 to " + LARGEST_ID);
        }
        return (int) number;
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

        /// Sets `id` unless it is set; returns the token it already had, else `null`.
        String putIfAbsent(int id, String token) {
            String previous = id < byId.length ? byId[id] : null;
            if (previous == null) {
                put(id, token);
            }
            return previous;
        }

        /// The token at `id`, or `null`.
        String get(int id) {
            return id < byId.length ? byId[id] : null;
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
