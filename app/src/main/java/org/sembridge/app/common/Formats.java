package org.sembridge.app.common;

import java.util.Locale;

/// Formats numbers with their units for display: sizes in KiB/MiB/GiB, durations in ms/s/min,
/// counts with thousands separators, weights with fixed decimals.
public final class Formats {

    private Formats() {
    }

    /// `1536` -> `1.5 KiB`; binary units.
    public static String bytes(long sizeBytes) {
        if (sizeBytes < 1024) {
            return sizeBytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = sizeBytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /// `1234567` -> `1,234,567`.
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /// `n` with its noun, singular for one: `1 token`, `3,457 tokens`.
    public static String count(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }

    /// `n` tokens, singular for one.
    public static String tokens(long n) {
        return count(n, "token", "tokens");
    }

    /// A duration in the largest sensible unit: `850 ms`, `12.3 s`, `4 min 05 s`.
    public static String duration(long elapsedNanos) {
        double millis = elapsedNanos / 1e6;
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        double seconds = millis / 1000;
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }

    /// A parameter count in millions: `4.39 M`.
    public static String millions(long n) {
        return String.format(Locale.ROOT, "%.2f M", n / 1e6);
    }
}
