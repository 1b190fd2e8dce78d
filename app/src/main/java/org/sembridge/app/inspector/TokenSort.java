package org.sembridge.app.inspector;

/// The token table's sort: one column, ascending or descending; ties keep id order.
///
/// @param column the column sorted by
/// @param ascending smallest first when true
public record TokenSort(TokenColumn column, boolean ascending) {

    /// By id, ascending: the order of `alignments.jsonl`.
    public static final TokenSort BY_ID = new TokenSort(TokenColumn.ID, true);
}
