package org.sembridge.engine.hostile;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/// The counts of one harness run: cases per reader and verdict, failure classes, clean-error
/// kinds and mutation families, and the failures themselves (each reproducible from the run's
/// seed and the case number).
public final class HarnessReport {

    /// One failed case, with everything needed to reproduce and understand it.
    ///
    /// @param index the case number (rerun it alone with `-Dhostile.case=N` and the same seed)
    /// @param reader the reader's name
    /// @param mutations what was done to the input
    /// @param outcome the classified result
    public record Failure(int index, String reader, List<Mutation> mutations, Outcome outcome) {

        @Override
        public String toString() {
            return "case " + index + " [" + reader + "] " + outcome.failureClass() + ": " + outcome.detail()
                    + "\n      input: " + mutations;
        }
    }

    private final long seed;
    private final Map<String, int[]> byReader = new TreeMap<>();
    private final Map<String, Long> nanosByReader = new TreeMap<>();
    private final Map<String, Integer> failureClasses = new TreeMap<>();
    private final Map<String, Integer> cleanKinds = new TreeMap<>();
    private final Map<String, Integer> families = new TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private long elapsedNanos;

    public HarnessReport(long seed) {
        this.seed = seed;
    }

    public void add(int index, String reader, List<Mutation> mutations, Outcome outcome, long nanos) {
        nanosByReader.merge(reader, nanos, Long::sum);
        byReader.computeIfAbsent(reader, r -> new int[Verdict.values().length])[outcome.verdict().ordinal()]++;
        for (Mutation mutation : mutations) {
            families.merge(mutation.family().replaceFirst("^(st-header-|gzip-(?!bomb|truncate|corrupt|concat|not))", ""),
                    1, Integer::sum);
        }
        switch (outcome.verdict()) {
            case FAILURE -> {
                failureClasses.merge(outcome.failureClass(), 1, Integer::sum);
                failures.add(new Failure(index, reader, mutations, outcome));
            }
            case CLEAN_ERROR -> cleanKinds.merge(outcome.failureClass(), 1, Integer::sum);
            case ACCEPTED -> {
            }
        }
    }

    public void finish(long elapsedNanos) {
        this.elapsedNanos = elapsedNanos;
    }

    /// The run's seed.
    public long seed() {
        return seed;
    }

    /// Number of cases run.
    public int cases() {
        return byReader.values().stream().mapToInt(counts -> counts[0] + counts[1] + counts[2]).sum();
    }

    /// Every failed case.
    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /// Prints the seed and the per-reader / per-class table.
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "hostile-input harness: seed %d, %d cases in %.1f s%n", seed, cases(), elapsedNanos / 1e9);
        out.printf(Locale.ROOT, "  %-22s %7s %12s %9s %8s %9s%n", "reader", "cases", "clean-error", "accepted", "failure",
                "ms/case");
        int[] total = new int[3];
        byReader.forEach((reader, counts) -> {
            int n = counts[0] + counts[1] + counts[2];
            out.printf(Locale.ROOT, "  %-22s %7d %12d %9d %8d %9.1f%n", reader, n,
                    counts[Verdict.CLEAN_ERROR.ordinal()], counts[Verdict.ACCEPTED.ordinal()],
                    counts[Verdict.FAILURE.ordinal()], nanosByReader.get(reader) / 1e6 / n);
            for (int i = 0; i < 3; i++) {
                total[i] += counts[i];
            }
        });
        out.printf(Locale.ROOT, "  %-22s %7d %12d %9d %8d%n", "total", total[0] + total[1] + total[2],
                total[Verdict.CLEAN_ERROR.ordinal()], total[Verdict.ACCEPTED.ordinal()], total[Verdict.FAILURE.ordinal()]);
        out.println("  failure classes: " + (failureClasses.isEmpty() ? "none" : failureClasses));
        out.println("  clean-error kinds: " + cleanKinds);
        out.println("  mutation families: " + families);
    }
}
