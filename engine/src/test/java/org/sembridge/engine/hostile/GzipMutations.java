package org.sembridge.engine.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/// Mutations of gzip files: the compressed stream truncated or corrupted, moderate gzip bombs
/// (one document line of 8 or 64 MiB, or 16 MiB of short lines, each compressing to well under
/// 1 MB), concatenated members, plain text under a `.gz` name, and any [LineMutations] mutation
/// of the decompressed lines, recompressed.
final class GzipMutations {

    private static final Map<String, byte[]> BOMBS = new ConcurrentHashMap<>();

    private GzipMutations() {
    }

    static Mutated apply(byte[] data, Random random, EscapePayloads escapes, Path from) throws IOException {
        switch (random.nextInt(8)) {
            case 0 -> {
                int at = data.length == 0 ? 0 : random.nextInt(data.length);
                return new Mutated("gzip-truncate", "kept " + at + " of " + data.length + " compressed bytes",
                        Arrays.copyOf(data, at));
            }
            case 1 -> {
                byte[] copy = data.clone();
                int at = copy.length <= 10 ? 0 : 10 + random.nextInt(copy.length - 10);
                copy[at] ^= (byte) (1 + random.nextInt(255));
                return new Mutated("gzip-corrupt", "compressed byte " + at + " changed", copy);
            }
            case 2 -> {
                String kind = switch (random.nextInt(3)) {
                    case 0 -> "line-8";
                    case 1 -> "line-64";
                    default -> "lines-16";
                };
                byte[] bomb = BOMBS.computeIfAbsent(kind, GzipMutations::bomb);
                return new Mutated("gzip-bomb", kind + " MiB uncompressed, " + bomb.length + " bytes compressed", bomb);
            }
            case 3 -> {
                return new Mutated("gzip-concat", "a second member appended", ByteMutations.concat(data, data));
            }
            case 4 -> {
                return new Mutated("gzip-not-gzip", "plain text under a .gz name", gunzip(data));
            }
            default -> {
                Mutated inner = LineMutations.apply(gunzip(data), true, random, escapes, from);
                return new Mutated("gzip-" + inner.family(), inner.detail(), gzip(inner.bytes()));
            }
        }
    }

    private static byte[] bomb(String kind) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                byte[] chunk = "word ".repeat(13_107).getBytes(StandardCharsets.UTF_8);
                if (kind.startsWith("line")) {
                    int mebibytes = Integer.parseInt(kind.substring(5));
                    gz.write("{\"id\":\"bomb\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
                    for (long written = 0; written < (long) mebibytes << 20; written += chunk.length) {
                        gz.write(chunk);
                    }
                    gz.write("\"}\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    byte[] line = "{\"id\":\"d\",\"text\":\"the same short document\"}\n".getBytes(StandardCharsets.UTF_8);
                    for (long written = 0; written < 16L << 20; written += line.length) {
                        gz.write(line);
                    }
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] gunzip(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }
}
