package org.sembridge.engine.run;

import java.util.Locale;

import org.sembridge.engine.InputFormatException;

/// What a new target token gets when its bridge text embeds like the bridge's unknown token
/// (its bridge vector is within [TargetRowRules#UNKNOWN_COSINE_TOLERANCE] cosine of the vector
/// of the bridge's `[UNK]`/`<unk>`): the bridge then knows nothing about the token, and entmax
/// over its similarities only reproduces the mix of source specials closest to `[UNK]`.
public enum UnknownBridgeRule {

    /// Build the row with the method like any other new token (the paper's behaviour; the
    /// default). The rows are still counted, logged and marked in `alignments.jsonl`.
    ENTMAX,
    /// Give the row the mean of the source rows, as reserved entries get (the `mean` rule).
    MEAN;

    /// The name on the command line and in `run.json`: `entmax` or `mean`.
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// The rule named `name` (`entmax` or `mean`, any case).
    ///
    /// @throws InputFormatException for any other name
    public static UnknownBridgeRule parse(String name) throws InputFormatException {
        for (UnknownBridgeRule rule : values()) {
            if (rule.cliName().equalsIgnoreCase(name.strip())) {
                return rule;
            }
        }
        throw new InputFormatException("unknown-bridge rule '" + name + "' is not known; expected entmax or mean");
    }
}
