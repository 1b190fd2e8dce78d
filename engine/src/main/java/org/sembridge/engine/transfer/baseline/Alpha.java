package org.sembridge.engine.transfer.baseline;

import java.math.BigDecimal;
import java.util.Locale;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.transfer.EntmaxSolver;

/// SemBridge's entmax order `alpha`, checked once: `1 <= alpha <= 8` (1 is softmax, 2 sparsemax,
/// the paper uses 4). Every place that takes alpha from a user (command-line options, the
/// experiment configuration, the run form's field and slider, a re-align request) makes one with
/// [#of] or [#parse], so a bad value gets the same one-line message wherever it was typed.
///
/// Methods that do not [read alpha][TransferMethod#readsAlpha()] still carry one (run.json records
/// it); it means nothing for them.
///
/// @param value the order, in `[1, 8]`
public record Alpha(double value) {

    /// Smallest order (softmax).
    public static final double MIN = EntmaxSolver.MIN_ALPHA;
    /// Largest order.
    public static final double MAX = EntmaxSolver.MAX_ALPHA;
    /// The paper's order.
    public static final Alpha DEFAULT = new Alpha(4.0);

    /// Checks the range.
    ///
    /// @throws IllegalArgumentException when `value` is NaN or outside `[1, 8]`; callers with user
    ///     input use [#of], which throws the checked [InputFormatException] with the same message
    public Alpha {
        if (!isValid(value)) {
            throw new IllegalArgumentException(outOfRange(value));
        }
    }

    /// The alpha `value`.
    ///
    /// @throws InputFormatException when `value` is NaN or outside `[1, 8]`; the message is
    ///     `alpha 9.0 is outside the valid range [1, 8]: expected a value from 1 (softmax) to 8 (the
    ///     paper uses 4), found 9.0`
    public static Alpha of(double value) throws InputFormatException {
        if (!isValid(value)) {
            throw new InputFormatException(outOfRange(value));
        }
        return new Alpha(value);
    }

    /// The alpha a user typed (surrounding blanks ignored).
    ///
    /// @throws InputFormatException when `text` is not a number (`alpha "four" is not a number;
    ///     expected a value in [1, 8]`) or is outside the range ([#of])
    public static Alpha parse(String text) throws InputFormatException {
        double value;
        try {
            value = Double.parseDouble(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new InputFormatException(String.format(Locale.ROOT,
                    "alpha \"%s\" is not a number; expected a value in [%s, %s]", text, plain(MIN), plain(MAX)), e);
        }
        return of(value);
    }

    /// Whether `value` is a valid alpha (NaN is not).
    public static boolean isValid(double value) {
        return value >= MIN && value <= MAX;
    }

    /// The one message for an alpha outside the range.
    public static String outOfRange(double value) {
        return "alpha " + value + " is outside the valid range [" + plain(MIN) + ", " + plain(MAX)
                + "]: expected a value from 1 (softmax) to 8 (the paper uses 4), found " + value;
    }

    /// The value without trailing zeros, as tables and labels print it: `4`, `2.5`.
    public String plain() {
        return plain(value);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return plain();
    }
}
