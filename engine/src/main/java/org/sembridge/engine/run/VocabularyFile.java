package org.sembridge.engine.run;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.io.JsonText;
import org.sembridge.engine.vocab.Vocabulary;

/// A run's `source_vocabulary.json` and `target_vocabulary.json`: the tokens by id, the special
/// ids and, when the run used a bridge, the bridge text of every token,
/// `{"tokens": [...], "special_ids": [...], "bridge_texts": [...]}`.
///
/// The inspector names source tokens from it without opening the source model (which may have
/// moved), and the interactive alignment looks the cached bridge vectors up by these texts,
/// without a tokenizer.
final class VocabularyFile {

    /// File name of the source vocabulary inside a run folder.
    static final String SOURCE_FILE_NAME = "source_vocabulary.json";
    /// File name of the target vocabulary inside a run folder.
    static final String TARGET_FILE_NAME = "target_vocabulary.json";

    /// A vocabulary as stored in a run.
    ///
    /// @param vocabulary tokens, special ids, detected scheme
    /// @param bridgeTexts the bridge text per token id, empty when the run used no bridge
    record Stored(Vocabulary vocabulary, List<String> bridgeTexts) {
    }

    private VocabularyFile() {
    }

    /// Writes `vocabulary` and (when not empty) its bridge texts, atomically.
    static void write(Path file, Vocabulary vocabulary, List<String> bridgeTexts) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            JsonWriter json = new JsonWriter(writer);
            json.setHtmlSafe(false);
            json.beginObject();
            writeStrings(json, "tokens", vocabulary.tokens());
            json.name("special_ids").beginArray();
            for (int id : new TreeSet<>(vocabulary.specialIds())) {
                json.value(id);
            }
            json.endArray();
            if (!bridgeTexts.isEmpty()) {
                writeStrings(json, "bridge_texts", bridgeTexts);
            }
            json.endObject();
            json.flush();
        });
    }

    private static void writeStrings(JsonWriter json, String name, List<String> values) throws IOException {
        json.name(name).beginArray();
        for (String value : values) {
            json.value(value);
        }
        json.endArray();
    }

    /// Reads a stored vocabulary; its scheme is detected from the tokens again.
    ///
    /// @throws InputFormatException naming the file when it is missing or malformed
    static Stored read(Path file) throws InputFormatException {
        List<String> tokens = new ArrayList<>();
        List<String> bridgeTexts = new ArrayList<>();
        Set<Integer> special = new TreeSet<>();
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
                JsonReader json = new JsonReader(reader)) {
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                json.beginArray();
                while (json.hasNext()) {
                    switch (name) {
                        case "tokens" -> tokens.add(json.nextString());
                        case "bridge_texts" -> bridgeTexts.add(json.nextString());
                        case "special_ids" -> special.add(json.nextInt());
                        default -> json.skipValue();
                    }
                }
                json.endArray();
            }
            json.endObject();
            if (!bridgeTexts.isEmpty() && bridgeTexts.size() != tokens.size()) {
                throw new IllegalArgumentException(bridgeTexts.size() + " bridge texts for " + tokens.size()
                        + " tokens");
            }
            return new Stored(Vocabulary.of(tokens, special), List.copyOf(bridgeTexts));
        } catch (NoSuchFileException e) {
            throw new InputFormatException(file + ": file not found; a run folder written by `sembridge init` has it",
                    e);
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new InputFormatException(file + ": not a valid vocabulary file of a run: "
                    + JsonText.malformed(e), e);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(file + ": not a valid vocabulary file of a run: " + e.getMessage(), e);
        }
    }
}
