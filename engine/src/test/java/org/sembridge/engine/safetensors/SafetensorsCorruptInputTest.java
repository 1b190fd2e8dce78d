package org.sembridge.engine.safetensors;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sembridge.engine.safetensors.RawSafetensors.file;
import static org.sembridge.engine.safetensors.RawSafetensors.withLengthField;
import static org.sembridge.engine.safetensors.SafetensorsRoundTripTest.assertMentions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sembridge.engine.ModelFormatException;

/// Every way a safetensors file can be broken that the reader must refuse on `open`, each with a
/// message that names the file, the tensor at fault (where there is one) and the problem.
class SafetensorsCorruptInputTest {

    @TempDir
    Path dir;

    /// (case, file bytes, tensor the message must name or "", problem fragments).
    static Stream<Arguments> corruptFiles() {
        String ok = "\"ok\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";
        return Stream.of(
                Arguments.of("empty file", new byte[0], "", "0 bytes long"),
                Arguments.of("truncated header length", new byte[] {16, 0, 0, 0, 0}, "", "5 bytes long"),
                Arguments.of("header length beyond file", withLengthField(1000, new byte[20]), "",
                        "header length 1000|only 20 bytes"),
                Arguments.of("header length over the limit", withLengthField(1L << 40, new byte[20]), "",
                        "1099511627776|exceeds the limit"),
                Arguments.of("header length with top bit set", withLengthField(-8, new byte[20]), "",
                        "18446744073709551608"),
                Arguments.of("malformed JSON", file("{" + ok + ",\"t\":{\"dtype\":\"F32\",", 8), "",
                        "malformed JSON"),
                Arguments.of("trailing garbage after JSON", file("{" + ok + "} x", 8), "", "malformed JSON"),
                Arguments.of("top level not an object", file("[1,2]", 0), "", "must be a JSON object|BEGIN_ARRAY"),
                Arguments.of("header not UTF-8",
                        withLengthField(7, new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'}), "",
                        "not valid UTF-8"),
                Arguments.of("unknown dtype",
                        file("{\"w\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}", 2), "w",
                        "unknown dtype 'F8_E4M3'"),
                Arguments.of("dtype with control characters",
                        file("{\"w\":{\"dtype\":\"\\t\\n\",\"shape\":[2],\"data_offsets\":[0,2]}}", 2), "w",
                        "unknown dtype '\\u0009\\u000a'"),
                Arguments.of("shape x size differs from span",
                        file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}", 20), "w",
                        "needs 24 bytes|span 20 bytes"),
                Arguments.of("span beyond file end",
                        file("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 12), "w",
                        "[0, 16]|holds only 12 bytes"),
                Arguments.of("span ends before it begins",
                        file("{\"w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,4]}}", 8), "w",
                        "end before they begin"),
                Arguments.of("overlapping spans",
                        file("{" + ok + ",\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12),
                        "w", "overlap tensor 'ok'"),
                Arguments.of("negative shape",
                        file("{\"w\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8), "w",
                        "shape entry 0|non-negative integer|found -2"),
                Arguments.of("fractional shape",
                        file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,8]}}", 8), "w",
                        "found 2.5"),
                Arguments.of("shape product overflows",
                        file("{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],"
                                + "\"data_offsets\":[0,8]}}", 8), "w", "more than 2^63 bytes"),
                Arguments.of("missing dtype", file("{\"w\":{\"shape\":[2],\"data_offsets\":[0,8]}}", 8), "w",
                        "dtype: expected a string|field missing"),
                Arguments.of("three data offsets",
                        file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4,8]}}", 8), "w",
                        "expected 2 entries, found 3"),
                Arguments.of("tensor entry not an object", file("{\"w\":[1]}", 0), "w", "expected an object"),
                Arguments.of("duplicate tensor name", file("{" + ok + "," + ok + "}", 8), "",
                        "'ok' appears twice"),
                Arguments.of("metadata value not a string",
                        file("{\"__metadata__\":{\"epochs\":3}," + ok + "}", 8), "", "'epochs'|expected a string"),
                Arguments.of("deeply nested JSON", file("{\"w\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 0),
                        "", "malformed JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptFiles")
    void corruptFileIsRefusedWithFileTensorAndProblem(String description, byte[] content, String tensor,
            String problems) throws IOException {
        Path file = dir.resolve(description.replace(' ', '-') + ".safetensors");
        Files.write(file, content);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SafetensorsFile.open(file).close());
        List<String> fragments = new ArrayList<>(List.of(problems.split("\\|")));
        fragments.add(file.toString());
        if (!tensor.isEmpty()) {
            fragments.add("tensor '" + tensor + "'");
        }
        assertMentions(e, fragments.toArray(String[]::new));
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.safetensors");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SafetensorsFile.open(file));
        assertMentions(e, file.toString(), "not found");
    }

    @Test
    void directoryIsRefusedWithItsName() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SafetensorsFile.open(dir));
        assertMentions(e, dir.toString());
        assertMentions(e, "is a folder, not a safetensors file");
    }

    @Test
    void missingTensorNamesFileTensorAndNearestNames() throws IOException, ModelFormatException {
        Path file = dir.resolve("model.safetensors");
        SafetensorsWriter writer = new SafetensorsWriter();
        for (String name : List.of("bert.embeddings.word_embeddings.weight", "bert.embeddings.LayerNorm.weight",
                "bert.embeddings.position_embeddings.weight", "cls.predictions.bias", "a", "b", "c")) {
            writer.addFloats(name, new long[] {1}, new float[1]);
        }
        writer.write(file);
        try (SafetensorsFile reader = SafetensorsFile.open(file)) {
            ModelFormatException e = assertThrows(ModelFormatException.class,
                    () -> reader.require("embeddings.word_embeddings.weight"));
            assertMentions(e, file.toString(), "'embeddings.word_embeddings.weight'", "7 tensors",
                    "nearest names: bert.embeddings.word_embeddings.weight, ");
        }
    }
}
