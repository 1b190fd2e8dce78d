package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sembridge.engine.InputFormatException;

/// A `run.json` whose fields have the wrong JSON type is refused when read, naming the field.
class RunManifestSchemaTest {

    private static final String VALID = """
            {"format": "sembridge-run", "format_version": 1, "method": "sembridge",
             "parameters": {"alpha": 4.0, "bias_mode": "index", "seed": 42,
                            "overlap": {"exact": true, "fuzzy": false, "symbols": false}},
             "inputs": {"source": {"path": "s", "sha256": "s1"}, "target_tokenizer": {"path": "t", "sha256": "t1"},
                        "bridge": null},
             "counts": {"target_tokens": 7, "match_kinds": {"exact": 3}}, "timings_seconds": {"total": 1.5}}
            """;

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve(RunManifest.FILE_NAME), json);
    }

    @Test
    void wellTypedManifestReads() throws Exception {
        RunManifest manifest = RunManifest.read(write(VALID));
        assertEquals(4.0, manifest.alpha());
        assertEquals(7, manifest.counts().get("target_tokens"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"method\": \"sembridge\"`            | `\"method\": 3`              | method                   | a string, found a number",
        "`\"alpha\": 4.0`                       | `\"alpha\": \"four\"`        | parameters.alpha         | a number, found a string",
        "`\"seed\": 42`                         | `\"seed\": 4.5`              | parameters.seed          | an integer, found a number",
        "`\"exact\": true`                      | `\"exact\": \"yes\"`         | parameters.overlap.exact | true or false, found a string",
        "`\"sha256\": \"s1\"`                   | `\"sha256\": [1]`            | inputs.source.sha256     | a string, found an array",
        "`\"bridge\": null`                     | `\"bridge\": \"b\"`          | inputs.bridge            | an object, found a string",
        "`\"target_tokens\": 7`                 | `\"target_tokens\": \"7\"`   | counts.target_tokens     | an integer, found a string",
        "`\"total\": 1.5`                       | `\"total\": true`            | timings_seconds.total    | a number, found a boolean",
        "`\"format_version\": 1`                | `\"format_version\": {}`     | format_version           | an integer, found an object"})
    void wrongTypedFieldIsRefusedNamingTheField(String valid, String wrong, String field, String kinds)
            throws Exception {
        Path file = write(VALID.replace(valid, wrong));

        InputFormatException e = assertThrows(InputFormatException.class, () -> RunManifest.read(file));

        assertEquals(true, e.getMessage().startsWith(file + ": field \"" + field + "\" must be " + kinds),
                e.getMessage());
    }

    @Test
    void formatOfAnotherTypeIsNotARunManifest() throws Exception {
        Path file = write(VALID.replace("\"format\": \"sembridge-run\"", "\"format\": {}"));

        InputFormatException e = assertThrows(InputFormatException.class, () -> RunManifest.read(file));

        assertEquals(true, e.getMessage().contains("not a SemBridge run manifest"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"alpha\": 4.0, `                     | parameters.alpha",
        "`\"method\": \"sembridge\",`            | method",
        "`\"bias_mode\": \"index\", `           | parameters.bias_mode"})
    void aMissingFieldEveryAccessorNeedsIsNamed(String removed, String field) throws Exception {
        Path file = write(VALID.replace(removed, ""));

        InputFormatException error = assertThrows(InputFormatException.class, () -> RunManifest.read(file));

        assertTrue(error.getMessage().startsWith(file + ": lacks a field: \"" + field + "\" is missing"), error.getMessage());
    }

    @Test
    void aManifestWithoutParametersIsRefusedNamingThem() throws Exception {
        Path file = write(VALID.replaceFirst("\"parameters\": \\{[^}]*\\{[^}]*\\}\\},", ""));

        InputFormatException error = assertThrows(InputFormatException.class, () -> RunManifest.read(file));

        assertTrue(error.getMessage().contains("\"parameters\" is missing"), error.getMessage());
    }

    @Test
    void aBlankMethodIsRefusedNamingTheField() throws Exception {
        Path file = write(VALID.replace("\"method\": \"sembridge\"", "\"method\": \" \""));

        InputFormatException error = assertThrows(InputFormatException.class, () -> RunManifest.read(file));

        assertTrue(error.getMessage().startsWith(file + ": field \"method\" is blank"), error.getMessage());
    }
}
