package org.sembridge.engine.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/// Whether a real command output agrees with the output a document shows: the shown lines appear
/// in the real output in order and adjacent (a shown line `...` stands for any number of lines),
/// words are compared with runs of spaces folded, and a shown decimal number matches a real one
/// that rounds (half up, as `printf` does) to it at the shown number of decimals.
final class ShownOutput {

    static final String ANY_LINES = "...";
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    private ShownOutput() {
    }

    static boolean matches(List<String> shown, List<String> real) {
        for (int start = 0; start <= real.size(); start++) {
            if (matchesAt(shown, 0, real, start)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(List<String> shown, int s, List<String> real, int r) {
        if (s == shown.size()) {
            return true;
        }
        if (shown.get(s).strip().equals(ANY_LINES)) {
            for (int next = r; next <= real.size(); next++) {
                if (matchesAt(shown, s + 1, real, next)) {
                    return true;
                }
            }
            return false;
        }
        return r < real.size() && lineMatches(shown.get(s), real.get(r)) && matchesAt(shown, s + 1, real, r + 1);
    }

    static boolean lineMatches(String shown, String real) {
        String[] shownWords = shown.strip().split("\\s+");
        String[] realWords = real.strip().split("\\s+");
        if (shownWords.length != realWords.length) {
            return false;
        }
        for (int i = 0; i < shownWords.length; i++) {
            if (!wordMatches(shownWords[i], realWords[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordMatches(String shown, String real) {
        if (shown.equals(real)) {
            return true;
        }
        if (!DECIMAL.matcher(shown).matches() || !DECIMAL.matcher(real).matches()) {
            return false;
        }
        BigDecimal expected = new BigDecimal(shown);
        BigDecimal actual = new BigDecimal(real);
        return actual.scale() >= expected.scale()
                && actual.setScale(expected.scale(), RoundingMode.HALF_UP).compareTo(expected) == 0;
    }
}
