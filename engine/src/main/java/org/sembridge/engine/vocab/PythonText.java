package org.sembridge.engine.vocab;

import java.util.Arrays;

/// Python's `str` character classes, as the reference implementation applies them to token
/// strings: `str.isspace`, `str.lstrip()`, `str.isnumeric` and membership in `string.punctuation`.
///
/// `java.lang.Character` differs from Python in both directions (Java's `isWhitespace` rejects the
/// no-break spaces, its numeric categories miss the Han numerals), so the sets are spelled out
/// here. Code points assigned after Unicode 14 (Python 3.11) follow Java's own tables.
final class PythonText {

    /// Python's `string.punctuation`: the 32 ASCII punctuation characters, nothing else.
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// Code points of category `Lo` that Python's `str.isnumeric` accepts because the Unihan
    /// database gives them a numeric value (`kPrimaryNumeric`, `kAccountingNumeric`,
    /// `kOtherNumeric`): the Han numerals 一 二 三 ... 百 千 萬 億 零, their financial forms
    /// 壹 貳 參 ... and a few rarer ones. Taken from Python 3.11 (Unicode 14); sorted.
    private static final int[] HAN_NUMERALS = {
        0x3405, 0x3483, 0x382A, 0x3B4D, 0x4E00, 0x4E03, 0x4E07, 0x4E09, 0x4E5D, 0x4E8C, 0x4E94,
        0x4E96, 0x4EBF, 0x4EC0, 0x4EDF, 0x4EE8, 0x4F0D, 0x4F70, 0x5104, 0x5146, 0x5169, 0x516B,
        0x516D, 0x5341, 0x5343, 0x5344, 0x5345, 0x534C, 0x53C1, 0x53C2, 0x53C3, 0x53C4, 0x56DB,
        0x58F1, 0x58F9, 0x5E7A, 0x5EFE, 0x5EFF, 0x5F0C, 0x5F0D, 0x5F0E, 0x5F10, 0x62FE, 0x634C,
        0x67D2, 0x6F06, 0x7396, 0x767E, 0x8086, 0x842C, 0x8CAE, 0x8CB3, 0x8D30, 0x9621, 0x9646,
        0x964C, 0x9678, 0x96F6, 0xF96B, 0xF973, 0xF978, 0xF9B2, 0xF9D1, 0xF9D3, 0xF9FD, 0x20001,
        0x20064, 0x200E2, 0x20121, 0x2092A, 0x20983, 0x2098C, 0x2099C, 0x20AEA, 0x20AFD, 0x20B19,
        0x22390, 0x22998, 0x23B1B, 0x2626D, 0x2F890,
    };

    private PythonText() {
    }

    /// Whether `codePoint` is whitespace for Python (`chr(c).isspace()`): bidirectional class
    /// WS, B or S, or general category Zs. Includes U+00A0, U+2007 and U+202F (no-break spaces)
    /// and U+001C..U+001F (information separators).
    static boolean isSpace(int codePoint) {
        return switch (codePoint) {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
                 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> codePoint >= 0x2000 && codePoint <= 0x200A;
        };
    }

    /// `text.lstrip()`: `text` without its leading Python whitespace.
    static String stripLeading(String text) {
        int start = 0;
        while (start < text.length()) {
            int codePoint = text.codePointAt(start);
            if (!isSpace(codePoint)) {
                break;
            }
            start += Character.charCount(codePoint);
        }
        return text.substring(start);
    }

    /// The reference's symbol test, `is_numerical_symbol_etc` without its special-token clause:
    /// `text.isnumeric() or all(c in string.punctuation for c in text) or text.isspace()`.
    /// True for the empty string (an empty `all(...)` holds).
    static boolean isSymbolLike(String text) {
        boolean punctuation = true;
        boolean numeric = !text.isEmpty();
        boolean space = !text.isEmpty();
        for (int i = 0; i < text.length() && (punctuation || numeric || space); ) {
            int codePoint = text.codePointAt(i);
            punctuation &= isAsciiPunctuation(codePoint);
            numeric &= isNumeric(codePoint);
            space &= isSpace(codePoint);
            i += Character.charCount(codePoint);
        }
        return punctuation || numeric || space;
    }

    private static boolean isAsciiPunctuation(int codePoint) {
        return codePoint < 0x80 && ASCII_PUNCTUATION.indexOf(codePoint) >= 0;
    }

    /// `chr(codePoint).isnumeric()`: Unicode categories Nd, Nl, No and the Han numerals.
    static boolean isNumeric(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            case Character.OTHER_LETTER -> Arrays.binarySearch(HAN_NUMERALS, codePoint) >= 0;
            default -> false;
        };
    }
}
