package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.InputFormatException;

/// A run's stored vocabulary file: wrong JSON structure and a missing file are bad input in one
/// line, without Gson's texts.
class VocabularyFileErrorsTest {

    @TempDir
    Path dir;

    @Test
    void listOfTheWrongTypeIsNamedInOurWords() throws Exception {
        Path file = Files.writeString(dir.resolve("target_vocabulary.json"), "{\"tokens\": \"abc\"}");

        InputFormatException e = assertThrows(InputFormatException.class, () -> VocabularyFile.read(file));

        assertTrue(e.getMessage().startsWith(file + ": not a valid vocabulary file of a run: not valid JSON at line 1"
                + " column"), e.getMessage());
        assertTrue(e.getMessage().contains("expected a list, found a string"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertFalse(e.getMessage().contains("gson"), e.getMessage());
    }

    @Test
    void missingFileIsBadInput() {
        Path file = dir.resolve("target_vocabulary.json");

        InputFormatException e = assertThrows(InputFormatException.class, () -> VocabularyFile.read(file));

        assertTrue(e.getMessage().startsWith(file + ": file not found"), e.getMessage());
    }
}
