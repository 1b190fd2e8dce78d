package org.sembridge.engine.transfer;

import java.util.List;

/// The output of a [TopKSupportSearch]: one [TokenAlignment] per requested target row, in request
/// order, and how they were obtained.
///
/// @param alpha the entmax order used
/// @param alignments one per requested target row, in the order of the request
/// @param statistics how the rows were solved and the elapsed time
public record AlignmentResult(double alpha, List<TokenAlignment> alignments, AlignmentStatistics statistics) {

    /// Copies the list so the result is immutable.
    public AlignmentResult {
        alignments = List.copyOf(alignments);
    }
}
