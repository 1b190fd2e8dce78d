package org.sembridge.engine.safetensors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.ModelFormatException;

/// Mutates a valid file thousands of times (bit flips in header and data, JSON-significant
/// characters, truncations, edited length fields, appended bytes) and requires that opening and
/// reading every tensor either succeeds or throws [ModelFormatException], never anything else.
///
/// The seed is printed; rerun a failure with `-Dsembridge.seed=<seed>`. The timeout only guards
/// against a hang; it is not a performance assertion.
class SafetensorsFuzzTest {

    private static final int ITERATIONS = 3000;
    private static final String JSON_CHARACTERS = "{}[]\":,-+.0123456789eE \\tfnu";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void mutatedFilesOpenOrFailWithModelFormatExceptionOnly() throws IOException {
        long seed = Long.getLong("sembridge.seed", System.nanoTime());
        System.out.println("SafetensorsFuzzTest seed=" + seed + " (rerun with -Dsembridge.seed=" + seed + ")");
        Random random = new Random(seed);
        Path valid = dir.resolve("valid.safetensors");
        validWriter().write(valid);
        byte[] original = Files.readAllBytes(valid);
        int headerEnd = 8 + (int) ByteBuffer.wrap(original, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();

        Path file = dir.resolve("mutated.safetensors");
        int accepted = 0;
        int refused = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            StringBuilder log = new StringBuilder();
            byte[] bytes = original.clone();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                bytes = mutate(bytes, headerEnd, random, log);
            }
            Files.write(file, bytes);
            try {
                openAndReadEverything(file);
                accepted++;
            } catch (ModelFormatException expected) {
                refused++;
            } catch (Throwable unexpected) {
                fail("seed " + seed + ", iteration " + iteration + ", mutations" + log + ": expected success or "
                        + "ModelFormatException, got " + unexpected, unexpected);
            }
        }
        System.out.println("SafetensorsFuzzTest: " + accepted + " mutated files accepted, " + refused + " refused");
        assertTrue(accepted > 0 && refused > 0, "accepted " + accepted + ", refused " + refused);
    }

    private static SafetensorsWriter validWriter() {
        float[] floats = new float[24];
        long[] longs = new long[6];
        int[] ints = new int[6];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = i - 11.5f;
        }
        for (int i = 0; i < longs.length; i++) {
            longs[i] = (long) i << 31;
            ints[i] = i * 1000 - 2500;
        }
        SafetensorsWriter writer = new SafetensorsWriter()
                .putMetadata("format", "pt")
                .addFloats("encoder.layer.0.weight", new long[] {4, 6}, floats)
                .addLongs("position_ids", new long[] {1, 6}, longs)
                .addInts("token_type_ids", new long[] {6}, ints);
        for (DType dtype : DType.values()) {
            byte[] bytes = new byte[5 * dtype.byteSize()];
            Arrays.fill(bytes, (byte) 0x3F);
            writer.add("raw." + dtype, dtype, new long[] {5}, bytes);
        }
        return writer.addFloats("scalar", new long[] {}, new float[] {1}).addFloats("empty", new long[] {0}, new float[0]);
    }

    private static byte[] mutate(byte[] bytes, int headerEnd, Random random, StringBuilder log) {
        int kind = random.nextInt(7);
        switch (kind) {
            case 0, 1 -> { // flip bits in the header (twice as likely: the header is where parsing happens)
                int at = 8 + random.nextInt(Math.max(1, Math.min(bytes.length, headerEnd) - 8));
                if (at < bytes.length) {
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
                log.append(" flip-header@").append(at);
            }
            case 2 -> { // a JSON-significant character in the header
                int at = 8 + random.nextInt(Math.max(1, Math.min(bytes.length, headerEnd) - 8));
                if (at < bytes.length) {
                    bytes[at] = (byte) JSON_CHARACTERS.charAt(random.nextInt(JSON_CHARACTERS.length()));
                }
                log.append(" json-char@").append(at);
            }
            case 3 -> { // random bytes in the data area
                if (bytes.length > headerEnd) {
                    int at = headerEnd + random.nextInt(bytes.length - headerEnd);
                    bytes[at] = (byte) random.nextInt(256);
                    log.append(" data@").append(at);
                }
            }
            case 4 -> { // truncate anywhere
                int length = random.nextInt(bytes.length + 1);
                log.append(" truncate-to-").append(length);
                return Arrays.copyOf(bytes, length);
            }
            case 5 -> { // edit the length field
                if (bytes.length >= 8) {
                    long[] choices = {random.nextInt(bytes.length + 16), headerEnd - 8 + random.nextInt(17) - 8,
                            random.nextLong(), Long.MAX_VALUE, Long.MIN_VALUE, -1, 0,
                            SafetensorsHeader.MAX_HEADER_BYTES + 1};
                    long length = choices[random.nextInt(choices.length)];
                    ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(length);
                    log.append(" length=").append(length);
                }
            }
            default -> { // append bytes
                int extra = 1 + random.nextInt(16);
                byte[] longer = Arrays.copyOf(bytes, bytes.length + extra);
                for (int i = bytes.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                log.append(" append-").append(extra);
                return longer;
            }
        }
        return bytes;
    }

    private static void openAndReadEverything(Path file) throws ModelFormatException {
        try (SafetensorsFile reader = SafetensorsFile.open(file)) {
            reader.metadata().forEach((key, value) -> key.length());
            for (TensorInfo tensor : reader.tensors()) {
                reader.require(tensor.name());
                reader.readRawBytes(tensor.name());
                switch (tensor.dtype()) {
                    case F64, F32, F16, BF16 -> {
                        float[] values = reader.readFloats(tensor.name());
                        if (values.length > 0) {
                            reader.readFloats(tensor.name(), values.length - 1, new float[1], 0, 1);
                        }
                        try {
                            reader.readFiniteFloats(tensor.name());
                        } catch (ModelFormatException nonFinite) {
                            // a flipped bit may well make a NaN; that refusal is fine
                        }
                    }
                    case I64, I32, I16, I8, U8 -> {
                        reader.readLongs(tensor.name());
                        try {
                            reader.readInts(tensor.name());
                        } catch (ModelFormatException outOfIntRange) {
                            // flipped I64 bits may leave the int range; that refusal is fine
                        }
                    }
                    case BOOL -> reader.readRawBytes(tensor.name());
                }
            }
            reader.find("no such tensor");
        }
    }
}
