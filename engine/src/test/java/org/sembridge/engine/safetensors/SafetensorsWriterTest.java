package org.sembridge.engine.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.ModelFormatException;

/// The writer's layout (8-byte aligned header padded with spaces, metadata first), atomicity and
/// argument checks.
class SafetensorsWriterTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "name length {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void headerIsPaddedWithSpacesToAMultipleOfEight(int nameLength) throws IOException {
        Path file = dir.resolve("aligned.safetensors");
        new SafetensorsWriter().addFloats("x".repeat(nameLength), new long[] {1}, new float[] {1}).write(file);
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8, "header length " + headerLength);
        assertEquals(8 + headerLength + 4, bytes.length);
        String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        String json = header.stripTrailing();
        assertTrue(json.endsWith("}"), header);
        assertEquals(" ".repeat(header.length() - json.length()), header.substring(json.length()));
    }

    @Test
    void metadataComesFirstAndIsKept() throws IOException, ModelFormatException {
        Path file = dir.resolve("meta.safetensors");
        new SafetensorsWriter()
                .addFloats("w", new long[] {1}, new float[] {1})
                .putMetadata("format", "pt")
                .putMetadata("sembridge.alpha", "4.0")
                .write(file);
        String header = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertTrue(header.indexOf("__metadata__") < header.indexOf("\"w\""), header);
        try (SafetensorsFile reader = SafetensorsFile.open(file)) {
            assertEquals(List.of("format", "sembridge.alpha"), List.copyOf(reader.metadata().keySet()));
            assertEquals("4.0", reader.metadata().get("sembridge.alpha"));
        }
    }

    @Test
    void noMetadataWritesNoMetadataKey() throws IOException {
        Path file = dir.resolve("plain.safetensors");
        new SafetensorsWriter().addFloats("w", new long[] {1}, new float[] {1}).write(file);
        assertTrue(!new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains("__metadata__"));
    }

    @Test
    void rewriteReplacesTheTarget() throws IOException, ModelFormatException {
        Path file = dir.resolve("model.safetensors");
        new SafetensorsWriter().addFloats("old", new long[] {1}, new float[] {1}).write(file);
        new SafetensorsWriter().addFloats("new", new long[] {2}, new float[] {2, 3}).write(file);
        try (SafetensorsFile reader = SafetensorsFile.open(file)) {
            assertEquals(List.of("new"), reader.tensors().stream().map(TensorInfo::name).toList());
            assertArrayEquals(new float[] {2, 3}, reader.readFloats("new"));
        }
    }

    @Test
    void failedWriteLeavesTargetUntouchedAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("model.safetensors");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "keep");
        SafetensorsWriter writer = new SafetensorsWriter().addFloats("w", new long[] {1024}, new float[1024]);
        assertThrows(IOException.class, () -> writer.write(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(target), left.toList());
        }
        assertEquals("keep", Files.readString(target.resolve("keep.txt")));
    }

    @Test
    void failedWriteUnderAFileCreatesNothing() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain.txt"), "x");
        SafetensorsWriter writer = new SafetensorsWriter().addFloats("w", new long[] {1}, new float[1]);
        assertThrows(IOException.class, () -> writer.write(notADirectory.resolve("model.safetensors")));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(notADirectory), left.toList());
        }
    }

    static Stream<Arguments> callerBugs() {
        return Stream.of(
                Arguments.of("data length differs from shape",
                        (Consumer<SafetensorsWriter>) w -> w.addFloats("w", new long[] {2, 3}, new float[5])),
                Arguments.of("raw bytes differ from shape x dtype size",
                        (Consumer<SafetensorsWriter>) w -> w.add("w", DType.BF16, new long[] {3}, new byte[5])),
                Arguments.of("negative dimension",
                        (Consumer<SafetensorsWriter>) w -> w.addInts("w", new long[] {-1}, new int[0])),
                Arguments.of("duplicate name",
                        (Consumer<SafetensorsWriter>) w -> w.addLongs("dup", new long[] {1}, new long[1])
                                .addLongs("dup", new long[] {1}, new long[1])),
                Arguments.of("reserved name",
                        (Consumer<SafetensorsWriter>) w -> w.addFloats("__metadata__", new long[] {1}, new float[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callerBugs")
    void callerBugIsAnIllegalArgument(String description, Consumer<SafetensorsWriter> misuse) {
        assertThrows(IllegalArgumentException.class, () -> misuse.accept(new SafetensorsWriter()));
    }
}
