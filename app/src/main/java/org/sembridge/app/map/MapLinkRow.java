package org.sembridge.app.map;

/// One line of the selected point's link list: the token at the other end and the alignment
/// weight.
///
/// @param index the other point's index in the map
/// @param token the other point's token
/// @param weight the alignment weight in (0, 1]
public record MapLinkRow(int index, String token, float weight) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s  %.3f", token, weight);
    }
}
