package org.sembridge.engine.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.Gson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.safetensors.DType;
import org.sembridge.engine.safetensors.SafetensorsWriter;
import org.sembridge.engine.testing.PythonReference;
import org.sembridge.engine.transfer.FloatMatrix;

/// Precomputed bridge-vector files: lookup by text, accepted dtypes, files written by the
/// Python export script, and one test per kind of bad input, each asserting that the message
/// names the file and the problem.
class PrecomputedBridgeVectorsTest {

    private static final List<String> TEXTS = List.of("house", "집", "casa", "##ing");
    private static final float[] VALUES = {
        1, 2, 3,
        4, 5, 6,
        7, 8, 9,
        10, 11, 12,
    };

    @TempDir
    Path dir;

    private Path write(String name, SafetensorsWriter writer) throws Exception {
        Path file = dir.resolve(name);
        writer.write(file);
        return file;
    }

    private static SafetensorsWriter valid() {
        return new SafetensorsWriter()
                .putMetadata(PrecomputedBridgeVectors.TEXTS_KEY, new Gson().toJson(TEXTS))
                .putMetadata(PrecomputedBridgeVectors.MODEL_KEY, "BAAI/bge-m3")
                .addFloats(PrecomputedBridgeVectors.VECTORS_TENSOR, new long[] {4, 3}, VALUES);
    }

    private InputFormatException refused(Path file) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> PrecomputedBridgeVectors.open(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        return e;
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected \"" + part + "\" in: " + e.getMessage());
        }
    }

    @Test
    void lookupGivesEachTokenTheRowOfItsText() throws Exception {
        try (PrecomputedBridgeVectors file = PrecomputedBridgeVectors.open(write("v.safetensors", valid()))) {
            BridgeVectors vectors = file.lookup(List.of("casa", "house", "casa"), "target");

            assertEquals(List.of("casa", "house", "casa"), vectors.texts());
            assertArrayEquals(new float[] {7, 8, 9, 1, 2, 3, 7, 8, 9}, vectors.vectors().values());
            assertEquals(3, vectors.dimension());
        }
    }

    @Test
    void oneFileServesBothVocabularies() throws Exception {
        try (PrecomputedBridgeVectors file = PrecomputedBridgeVectors.open(write("v.safetensors", valid()))) {
            BridgeVectors source = file.lookup(List.of("house", "##ing"), "source");
            BridgeVectors target = file.lookup(List.of("집"), "target");

            assertArrayEquals(new float[] {1, 2, 3, 10, 11, 12}, source.vectors().values());
            assertArrayEquals(new float[] {4, 5, 6}, target.vectors().values());
        }
    }

    @Test
    void originNamesTheFileAndModel() throws Exception {
        Path path = write("v.safetensors", valid());
        try (PrecomputedBridgeVectors file = PrecomputedBridgeVectors.open(path)) {
            assertEquals(Optional.of("BAAI/bge-m3"), file.model());
            assertEquals("precomputed file " + path + " (model BAAI/bge-m3)", file.lookup(TEXTS, "v").origin());
        }
    }

    @Test
    void halfPrecisionVectorsAreWidened() throws Exception {
        ByteBuffer f16 = ByteBuffer.allocate(VALUES.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer bf16 = ByteBuffer.allocate(VALUES.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : VALUES) {
            f16.putShort(Float.floatToFloat16(value));
            bf16.putShort((short) (Float.floatToIntBits(value) >>> 16));
        }
        for (var entry : Map.of(DType.F16, f16.array(), DType.BF16, bf16.array()).entrySet()) {
            Path path = write(entry.getKey() + ".safetensors", new SafetensorsWriter()
                    .putMetadata(PrecomputedBridgeVectors.TEXTS_KEY, new Gson().toJson(TEXTS))
                    .add(PrecomputedBridgeVectors.VECTORS_TENSOR, entry.getKey(), new long[] {4, 3}, entry.getValue()));
            try (PrecomputedBridgeVectors file = PrecomputedBridgeVectors.open(path)) {
                assertArrayEquals(VALUES, file.lookup(TEXTS, "v").vectors().values(), entry.getKey().toString());
            }
        }
    }

    @Test
    void fileWrittenByTheExportScriptIsRead() throws Exception {
        Path path = dir.resolve("numpy.safetensors");
        String json = PythonReference.run("bridge_texts_reference.py", "write", path.toString());
        float[][] expected = new Gson().fromJson(json, float[][].class);

        try (PrecomputedBridgeVectors file = PrecomputedBridgeVectors.open(path)) {
            BridgeVectors vectors = file.lookup(List.of("house", "집", "casa"), "numpy");

            assertEquals(Optional.of("numpy-test"), file.model());
            assertArrayEquals(FloatMatrix.ofRows(expected).values(), vectors.vectors().values());
        }
    }

    @Test
    void writtenFileReadsBack() throws Exception {
        Path path = dir.resolve("written.safetensors");
        PrecomputedBridgeVectors.write(path, TEXTS, new FloatMatrix(4, 3, VALUES), Map.of("model", "m"));

        try (PrecomputedBridgeVectors file = PrecomputedBridgeVectors.open(path)) {
            assertArrayEquals(VALUES, file.lookup(TEXTS, "v").vectors().values());
            assertEquals(4, file.size());
        }
    }

    @Test
    void missingTextsAreCountedWithTheFirstFive() throws Exception {
        try (PrecomputedBridgeVectors file = PrecomputedBridgeVectors.open(write("v.safetensors", valid()))) {
            List<String> wanted = List.of("house", "a", "b", "c", "d", "e", "f", "f", "\n");
            InputFormatException e = assertThrows(InputFormatException.class, () -> file.lookup(wanted, "ko/tokenizer.json"));

            assertMentions(e, file.file().toString(), "7 of 8 distinct bridge texts of ko/tokenizer.json",
                    "\"a\", \"b\", \"c\", \"d\", \"e\")");
        }
    }

    @Test
    void fileWithoutVectorsTensorIsRefused() throws Exception {
        Path path = write("v.safetensors", new SafetensorsWriter()
                .putMetadata(PrecomputedBridgeVectors.TEXTS_KEY, new Gson().toJson(TEXTS))
                .addFloats("embeddings", new long[] {4, 3}, VALUES));

        assertMentions(refused(path), "no tensor \"vectors\"", "found tensors: embeddings");
    }

    @Test
    void integerVectorsAreRefused() throws Exception {
        Path path = write("v.safetensors", new SafetensorsWriter()
                .putMetadata(PrecomputedBridgeVectors.TEXTS_KEY, new Gson().toJson(TEXTS))
                .addLongs(PrecomputedBridgeVectors.VECTORS_TENSOR, new long[] {4, 3}, new long[12]));

        assertMentions(refused(path), "must be F32, F16 or BF16", "found I64");
    }

    @Test
    void vectorsOfRankOneAreRefused() throws Exception {
        Path path = write("v.safetensors", new SafetensorsWriter()
                .putMetadata(PrecomputedBridgeVectors.TEXTS_KEY, new Gson().toJson(TEXTS))
                .addFloats(PrecomputedBridgeVectors.VECTORS_TENSOR, new long[] {12}, VALUES));

        assertMentions(refused(path), "shape [n, D]", "found [12]");
    }

    @Test
    void fileWithoutTextsIsRefused() throws Exception {
        Path path = write("v.safetensors", new SafetensorsWriter()
                .addFloats(PrecomputedBridgeVectors.VECTORS_TENSOR, new long[] {4, 3}, VALUES));

        assertMentions(refused(path), "no \"texts\" entry", "JSON array of the 4 bridge texts");
    }

    @Test
    void textsThatAreNotAJsonArrayAreRefused() throws Exception {
        Path path = write("v.safetensors", new SafetensorsWriter()
                .putMetadata(PrecomputedBridgeVectors.TEXTS_KEY, "{\"house\": 0}")
                .addFloats(PrecomputedBridgeVectors.VECTORS_TENSOR, new long[] {4, 3}, VALUES));

        assertMentions(refused(path), "\"texts\" must be a JSON array", "found {\"house\": 0}");
    }

    @Test
    void textsWithANonStringAreRefused() throws Exception {
        Path path = write("v.safetensors", new SafetensorsWriter()
                .putMetadata(PrecomputedBridgeVectors.TEXTS_KEY, "[\"house\", 7, \"casa\", \"x\"]")
                .addFloats(PrecomputedBridgeVectors.VECTORS_TENSOR, new long[] {4, 3}, VALUES));

        assertMentions(refused(path), "must hold only strings", "found 7 at index 1");
    }

    @Test
    void textCountDifferentFromRowCountIsRefused() throws Exception {
        Path path = write("v.safetensors", new SafetensorsWriter()
                .putMetadata(PrecomputedBridgeVectors.TEXTS_KEY, new Gson().toJson(TEXTS.subList(0, 3)))
                .addFloats(PrecomputedBridgeVectors.VECTORS_TENSOR, new long[] {4, 3}, VALUES));

        assertMentions(refused(path), "lists 3 texts", "has 4 rows");
    }

    @Test
    void duplicateTextWithDifferentVectorsIsRefused() throws Exception {
        Path path = write("v.safetensors", new SafetensorsWriter()
                .putMetadata(PrecomputedBridgeVectors.TEXTS_KEY, new Gson().toJson(List.of("house", "casa", "x", "casa")))
                .addFloats(PrecomputedBridgeVectors.VECTORS_TENSOR, new long[] {4, 3}, VALUES));

        assertMentions(refused(path), "text \"casa\" appears at rows 1 and 3 with different vectors");
    }

    @Test
    void duplicateTextWithIdenticalVectorsIsAccepted() throws Exception {
        float[] values = VALUES.clone();
        System.arraycopy(values, 3, values, 9, 3);
        Path path = write("v.safetensors", new SafetensorsWriter()
                .putMetadata(PrecomputedBridgeVectors.TEXTS_KEY, new Gson().toJson(List.of("house", "casa", "x", "casa")))
                .addFloats(PrecomputedBridgeVectors.VECTORS_TENSOR, new long[] {4, 3}, values));

        try (PrecomputedBridgeVectors file = PrecomputedBridgeVectors.open(path)) {
            assertArrayEquals(new float[] {4, 5, 6}, file.lookup(List.of("casa"), "v").vectors().values());
        }
    }

    @Test
    void nanRowIsRefusedNamingRowAndText() throws Exception {
        float[] values = VALUES.clone();
        values[7] = Float.NaN;
        Path path = write("v.safetensors", new SafetensorsWriter()
                .putMetadata(PrecomputedBridgeVectors.TEXTS_KEY, new Gson().toJson(TEXTS))
                .addFloats(PrecomputedBridgeVectors.VECTORS_TENSOR, new long[] {4, 3}, values));

        assertMentions(refused(path), "row 2 (text \"casa\")", "found NaN at column 1");
    }

    @Test
    void infiniteRowIsRefusedNamingRowAndText() throws Exception {
        float[] values = VALUES.clone();
        values[11] = Float.NEGATIVE_INFINITY;
        Path path = write("v.safetensors", new SafetensorsWriter()
                .putMetadata(PrecomputedBridgeVectors.TEXTS_KEY, new Gson().toJson(TEXTS))
                .addFloats(PrecomputedBridgeVectors.VECTORS_TENSOR, new long[] {4, 3}, values));

        assertMentions(refused(path), "row 3 (text \"##ing\")", "found -Infinity at column 2");
    }

    @Test
    void fileThatIsNotSafetensorsIsRefused() throws Exception {
        Path path = dir.resolve("vectors.npy");
        Files.write(path, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});

        assertMentions(refused(path), "expected a bridge-vector safetensors file");
    }

    @Test
    void missingFileIsRefused() {
        assertMentions(refused(dir.resolve("absent.safetensors")), "not found");
    }

    @Test
    void differentDimensionsNameBothOrigins() {
        BridgeVectors source = new BridgeVectors(List.of("a"), new FloatMatrix(1, 3, new float[3]), "precomputed file s");
        BridgeVectors target = new BridgeVectors(List.of("b"), new FloatMatrix(1, 2, new float[2]), "computed with m on cpu()");

        InputFormatException e = assertThrows(InputFormatException.class,
                () -> BridgeVectors.requireSameDimension(source, target));

        assertMentions(e, "source 3 (precomputed file s)", "target 2 (computed with m on cpu())");
    }
}
