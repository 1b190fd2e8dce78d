package org.sembridge.engine.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ByteLevelAlphabetTest {

    private static final Logger LOG = LoggerFactory.getLogger(ByteLevelAlphabetTest.class);
    private static final Pattern RAW_BYTE = Pattern.compile("<0x([0-9A-F]{2})>");
    /// Lead and continuation bytes around the UTF-8 boundaries, to hit every rule of Table 3-7.
    private static final int[] EDGE_BYTES = {
        0x00, 0x20, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
        0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
    };

    /// Closed form of GPT-2's `bytes_to_unicode`: printable Latin-1 maps to itself, the other 68
    /// bytes map in order to U+0100..U+0143 (0x00..0x20 -> U+0100..U+0120, 0x7F..0xA0 ->
    /// U+0121..U+0142, 0xAD -> U+0143).
    @ParameterizedTest(name = "byte 0x{0} -> U+{1}")
    @CsvSource({
        "21, 0021", "41, 0041", "7E, 007E", "A1, 00A1", "AC, 00AC", "AE, 00AE", "E9, 00E9", "FF, 00FF",
        "00, 0100", "09, 0109", "0A, 010A", "20, 0120", "7F, 0121", "80, 0122", "A0, 0142", "AD, 0143",
    })
    void byteMapsToTheGpt2Character(String byteHex, String charHex) {
        assertEquals((char) Integer.parseInt(charHex, 16), ByteLevelAlphabet.charOf(Integer.parseInt(byteHex, 16)));
    }

    @Test
    void everyByteHasItsOwnCharacter() {
        Set<Character> seen = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            seen.add(ByteLevelAlphabet.charOf(b));
        }
        assertEquals(256, seen.size());
    }

    /// Random short byte strings rich in boundary bytes: the decoding agrees with the JDK's strict
    /// UTF-8 decoder on validity and text, and the `<0xNN>` notation loses no byte.
    @Test
    void decodingAgreesWithTheJdkAndKeepsEveryByte() {
        long seed = Long.getLong("sembridge.test.seed", 20260526L);
        LOG.info("decodingAgreesWithTheJdkAndKeepsEveryByte seed {}", seed);
        Random random = new Random(seed);
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] bytes = new byte[1 + random.nextInt(4)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextBoolean() ? EDGE_BYTES[random.nextInt(EDGE_BYTES.length)]
                        : random.nextInt(256));
            }
            StringBuilder token = new StringBuilder();
            for (byte b : bytes) {
                token.append(ByteLevelAlphabet.charOf(b & 0xFF));
            }
            ByteLevelAlphabet.Decoded decoded = ByteLevelAlphabet.decode(token.toString());
            String context = "seed " + seed + ", trial " + trial + ", token " + token;

            String strict = strictUtf8(bytes);
            assertEquals(strict == null, decoded.hasRawBytes(), context);
            if (strict != null) {
                assertEquals(strict, decoded.text(), context);
            }
            assertArrayEquals(bytes, encodeWithRawBytes(decoded.text()), context);
        }
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /// The inverse of the decoding: text as UTF-8, each `<0xNN>` as its byte.
    private static byte[] encodeWithRawBytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher matcher = RAW_BYTE.matcher(text);
        int last = 0;
        while (matcher.find()) {
            out.writeBytes(text.substring(last, matcher.start()).getBytes(StandardCharsets.UTF_8));
            out.write(Integer.parseInt(matcher.group(1), 16));
            last = matcher.end();
        }
        out.writeBytes(text.substring(last).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
