package org.sembridge.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatVersionTest {

    private static final FormatVersion VERSION = new FormatVersion("widget", "format_version", 2);

    private static int read(String json) throws Exception {
        JsonObject document = JsonParser.parseString(json).getAsJsonObject();
        return VERSION.read(document, "w.json", IllegalStateException::new);
    }

    @Test
    void aDocumentWithoutAVersionIsVersionOne() throws Exception {
        assertEquals(1, read("{\"a\": 1}"));
    }

    @Test
    void aNullVersionIsVersionOne() throws Exception {
        assertEquals(1, read("{\"format_version\": null}"));
    }

    @Test
    void aKnownVersionIsReturned() throws Exception {
        assertEquals(2, read("{\"format_version\": 2}"));
    }

    @Test
    void aNewerVersionIsRefusedNamingTheFileAndTheVersions() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read("{\"format_version\": 3}"));

        assertEquals("w.json: widget format version 3 is newer than this SemBridge reads (versions 1 to 2); it was"
                + " written by a newer SemBridge, update to read it", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"two\" | w.json: field \"format_version\" must be an integer, found a string (\"two\")",
        "1.5     | w.json: field \"format_version\" must be an integer, found a number (1.5)",
        "0       | w.json: field \"format_version\" must be at least 1, found 0"})
    void aVersionThatIsNotAPositiveIntegerIsRefused(String value, String message) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> read("{\"format_version\": " + value + "}"));

        assertEquals(message, e.getMessage());
    }

    @Test
    void stampWritesTheCurrentVersion() throws Exception {
        JsonObject document = new JsonObject();
        VERSION.stamp(document);

        assertEquals(2, document.get("format_version").getAsInt());
    }
}
