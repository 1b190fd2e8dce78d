package org.sembridge.engine.run;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.export.AtomicFiles;
import org.sembridge.engine.vocab.Vocabulary;

/// A run's `source_vocabulary.json`: the source tokens by id and the special ids,
/// `{"tokens": [...], "special_ids": [...]}`. The inspector and the interactive alignment name
/// source tokens from it without opening the source model, which may have moved.
final class SourceVocabularyFile {

    /// File name inside a run folder.
    static final String FILE_NAME = "source_vocabulary.json";

    private SourceVocabularyFile() {
    }

    static void write(Path file, Vocabulary vocabulary) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            JsonWriter json = new JsonWriter(writer);
            json.setHtmlSafe(false);
            json.beginObject();
            json.name("tokens").beginArray();
            for (String token : vocabulary.tokens()) {
                json.value(token);
            }
            json.endArray();
            json.name("special_ids").beginArray();
            for (int id : new TreeSet<>(vocabulary.specialIds())) {
                json.value(id);
            }
            json.endArray();
            json.endObject();
            json.flush();
        });
    }

    /// Reads the vocabulary; its scheme is detected from the tokens again.
    ///
    /// @throws InputFormatException naming the file when it is missing or malformed
    static Vocabulary read(Path file) throws InputFormatException {
        List<String> tokens = new ArrayList<>();
        Set<Integer> special = new TreeSet<>();
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
                JsonReader json = new JsonReader(reader)) {
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                json.beginArray();
                while (json.hasNext()) {
                    if (name.equals("tokens")) {
                        tokens.add(json.nextString());
                    } else {
                        special.add(json.nextInt());
                    }
                }
                json.endArray();
            }
            json.endObject();
            return Vocabulary.of(tokens, special);
        } catch (IOException | JsonParseException | IllegalStateException
                | IllegalArgumentException e) {
            throw new InputFormatException(file + ": not a valid source vocabulary of a run: " + e.getMessage(), e);
        }
    }
}
