package org.sembridge.engine.hostile;

/// One mutation applied to one input file: its family (counted in the harness table, e.g.
/// `json-type-swap`) and a detail that lets a failure be understood without rerunning it.
///
/// @param family the mutation family, a short stable name
/// @param file the mutated file, relative to the case folder
/// @param detail what exactly was done (offsets, the JSON path, the inserted value)
public record Mutation(String family, String file, String detail) {

    @Override
    public String toString() {
        return family + " on " + file + " (" + detail + ")";
    }
}
