package org.sembridge.engine.projection;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sembridge.engine.InputFormatException;

/// The vector space a map of a run is drawn from (`--space`).
public enum MapSpace {

    /// The adapted model's input embeddings: `E_t` rows (from the run's `model/`) for target
    /// tokens and `E_s` rows (from the source model) for source tokens. Both live in the same
    /// model space, so a joint map shows how close each reconstruction `E_t[x] = sum_i p_x,i
    /// E_s[i]` lies to the rows it was built from. The default.
    ADAPTED("adapted"),

    /// The source model's input embeddings `E_s`, for the source tokens alone (the chosen and
    /// context sources of the selected targets); no target points, no links.
    SOURCE("source"),

    /// The bridge vectors of both vocabularies (the multilingual sentence encoder's embedding of
    /// each token's text), as cached by the run: the space in which the alignment was computed.
    BRIDGE("bridge");

    private final String text;

    MapSpace(String text) {
        this.text = text;
    }

    /// The name on the command line and in files: `adapted`, `source`, `bridge`.
    public String text() {
        return text;
    }

    /// The space named `text` (case-insensitive).
    ///
    /// @throws InputFormatException when no space has that name (listing the names)
    public static MapSpace parse(String text) throws InputFormatException {
        for (MapSpace space : values()) {
            if (space.text.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return space;
            }
        }
        throw new InputFormatException("unknown space '" + text + "'; expected one of "
                + Arrays.stream(values()).map(MapSpace::text).collect(Collectors.joining(", ")));
    }
}
