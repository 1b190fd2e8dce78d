package org.sembridge.engine.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/// Mutations that see a file as bytes only: bit flips, truncation, insertion, duplication and
/// deletion of chunks, garbage, invalid UTF-8, a byte-order mark, NUL bytes, and the text
/// re-encoded as UTF-16 or Latin-1 (wrong encodings).
final class ByteMutations {

    private ByteMutations() {
    }

    static Mutated apply(byte[] data, Random random) {
        int n = data.length;
        return switch (random.nextInt(13)) {
            case 0 -> flip(data, random);
            case 1 -> {
                int at = n == 0 ? 0 : random.nextInt(n);
                yield new Mutated("truncate", "kept " + at + " of " + n + " bytes", Arrays.copyOf(data, at));
            }
            case 2 -> new Mutated("empty", "0 bytes", new byte[0]);
            case 3 -> {
                byte[] junk = new byte[1 + random.nextInt(64)];
                random.nextBytes(junk);
                int at = n == 0 ? 0 : random.nextInt(n + 1);
                yield new Mutated("insert-random", junk.length + " bytes at " + at, splice(data, at, 0, junk));
            }
            case 4 -> {
                int from = n == 0 ? 0 : random.nextInt(n);
                int length = Math.min(n - from, 1 + random.nextInt(4096));
                byte[] chunk = Arrays.copyOfRange(data, from, from + length);
                int at = random.nextInt(n + 1);
                yield new Mutated("duplicate-chunk", length + " bytes from " + from + " at " + at, splice(data, at, 0, chunk));
            }
            case 5 -> {
                int from = n == 0 ? 0 : random.nextInt(n);
                int length = Math.min(n - from, 1 + random.nextInt(4096));
                yield new Mutated("delete-chunk", length + " bytes at " + from, splice(data, from, length, new byte[0]));
            }
            case 6 -> {
                byte[] junk = new byte[1 + random.nextInt(256)];
                random.nextBytes(junk);
                yield new Mutated("append-garbage", junk.length + " bytes", splice(data, n, 0, junk));
            }
            case 7 -> {
                byte[] bad = switch (random.nextInt(4)) {
                    case 0 -> new byte[] {(byte) 0xff, (byte) 0xfe};
                    case 1 -> new byte[] {(byte) 0xc3};
                    case 2 -> new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
                    default -> new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80};
                };
                int at = n == 0 ? 0 : random.nextInt(n + 1);
                yield new Mutated("invalid-utf8", bad.length + " bytes at " + at, splice(data, at, 0, bad));
            }
            case 8 -> new Mutated("utf16", "re-encoded as UTF-16LE with BOM",
                    concat(new byte[] {(byte) 0xff, (byte) 0xfe},
                            new String(data, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE)));
            case 9 -> new Mutated("latin1", "re-encoded as ISO-8859-1",
                    new String(data, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1));
            case 10 -> new Mutated("bom", "UTF-8 byte-order mark prepended",
                    concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, data));
            case 11 -> {
                int at = n == 0 ? 0 : random.nextInt(n + 1);
                yield new Mutated("nul-bytes", "4 NUL bytes at " + at, splice(data, at, 0, new byte[4]));
            }
            default -> {
                byte[] copy = data.clone();
                int count = 1 + random.nextInt(16);
                for (int i = 0; i < count && n > 0; i++) {
                    copy[random.nextInt(n)] = (byte) random.nextInt(256);
                }
                yield new Mutated("byte-set", count + " random bytes set", copy);
            }
        };
    }

    private static Mutated flip(byte[] data, Random random) {
        byte[] copy = data.clone();
        int count = 1 + random.nextInt(8);
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < count && copy.length > 0; i++) {
            int at = random.nextInt(copy.length);
            copy[at] ^= (byte) (1 << random.nextInt(8));
            where.append(i == 0 ? "" : ",").append(at);
        }
        return new Mutated("byte-flip", count + " bits at " + where, copy);
    }

    /// `data` with `removed` bytes at `at` replaced by `inserted`.
    static byte[] splice(byte[] data, int at, int removed, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + inserted.length);
        out.write(data, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(data, at + removed, data.length - at - removed);
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        return splice(a, a.length, 0, b);
    }
}
