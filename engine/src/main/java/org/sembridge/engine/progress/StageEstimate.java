package org.sembridge.engine.progress;

import java.util.Arrays;
import java.util.OptionalDouble;

/// The rolling estimate of how long one stage takes in all, from the stage's own progress reports
/// and nothing else (no probe, no model of the machine). One per stage; the CLI's progress lines,
/// the workbench's "left in this stage" and `run.json`'s `estimates_seconds` all use it, so the
/// figure a user is shown is the figure that is recorded.
///
/// Rule: at a report of `done` of `total` units at time `now`, with the stage started at `start`,
///
/// `estimate = (now - start) + (total - done) x (now - t_w) / (done - d_w)`
///
/// where `(t_w, d_w)` is the last report at or before half of the work done so far (`d_w <= done /
/// 2`), and never earlier than the stage's first report with work done. The time already spent
/// is counted as it was, whatever it went into (preparing the texts, loading native code and
/// allocating in the first block), and the rest is extrapolated at the rate of the second half of
/// the work done so far: one-time costs before and in the first block never enter the rate (the
/// sample bridge's first batch of a run takes seconds, its later ones milliseconds), and a rate
/// that was slow while the JVM compiled the hot code (measured: the first 30,000 bridge texts of a
/// 262k vocabulary ran at a third of the later rate) drops out of the window as the stage goes
/// on, while a steady rate is the same over any window. A stage has no estimate until
/// [#FIRST_ESTIMATE_FRACTION] of it is done, [#FIRST_ESTIMATE_SECONDS] have passed since its
/// start and a rate is measured (a report with work done after the first one), nor once it is
/// finished. The time floor is for the JIT: the JVM compiles the hot code in the first seconds of
/// a stage, so in a short stage 5% is reached while the rate is still climbing (measured on the
/// sample bridge with real tokenizers, quiet machine: the target stage took 3-23 s, and the
/// estimate at 5% was 1.2-1.7 times the stage's time; on traces of eight runs, replayed, the floor
/// brings the first estimate from 0.89-3.90 to 0.84-1.57 times the measured time). A stage shorter
/// than the floor shows no estimate at all.
///
/// The report history is thinned to at most about [#MAX_SAMPLES] points (a new point only after
/// another `total / MAX_SAMPLES` units), so memory stays bounded for stages that report per item.
/// Not thread-safe; callers synchronise.
public final class StageEstimate {

    /// The fraction of a stage's work after which it has an estimate (5%).
    public static final double FIRST_ESTIMATE_FRACTION = 0.05;

    /// The seconds from a stage's start before it has an estimate (see the class comment).
    public static final double FIRST_ESTIMATE_SECONDS = 5;

    /// The most report points kept per stage (about; one more at the end of the history).
    static final int MAX_SAMPLES = 1024;

    private final long startNanos;
    private long[] sampleNanos = new long[16];
    private long[] sampleDone = new long[16];
    private int samples;
    private long total = -1;
    private long lastNanos;
    private long lastDone;

    /// A stage that started at `startNanos` (on the clock its reports use).
    public StageEstimate(long startNanos) {
        this.startNanos = startNanos;
        this.lastNanos = startNanos;
        sampleNanos[0] = startNanos;
        samples = 1;
    }

    /// Records that `done` of `total` units were finished at `nanos`. A report with an unknown
    /// total (`-1`) or a total other than the first known one is ignored.
    ///
    /// @param nanos the report's time, on the clock of the start, `>=` every earlier report's
    /// @param done units finished so far (not decreasing)
    /// @param total units in the stage, `-1` when unknown
    public void report(long nanos, long done, long total) {
        if (total <= 0 || (this.total > 0 && total != this.total) || done < lastDone) {
            return;
        }
        this.total = total;
        lastNanos = nanos;
        lastDone = done;
        if (done <= 0) {
            return;
        }
        long step = Math.max(1, total / MAX_SAMPLES);
        if (samples == 1 || done >= sampleDone[samples - 1] + step) {
            if (samples == sampleNanos.length) {
                sampleNanos = Arrays.copyOf(sampleNanos, samples * 2);
                sampleDone = Arrays.copyOf(sampleDone, samples * 2);
            }
            sampleNanos[samples] = nanos;
            sampleDone[samples] = done;
            samples++;
        }
    }

    /// The estimated seconds of the whole stage at the last report (see the class comment); empty
    /// before [#FIRST_ESTIMATE_FRACTION] of it is done or [#FIRST_ESTIMATE_SECONDS] have passed,
    /// once it is done, with an unknown total or while the first report with work done is the last
    /// one.
    public OptionalDouble seconds() {
        if (total <= 0 || lastDone < FIRST_ESTIMATE_FRACTION * total || lastDone >= total
                || elapsedSeconds() < FIRST_ESTIMATE_SECONDS) {
            return OptionalDouble.empty();
        }
        int window = windowStart();
        long windowDone = lastDone - sampleDone[window];
        if (windowDone <= 0 || lastNanos <= sampleNanos[window]) {
            return OptionalDouble.empty();
        }
        double spent = (lastNanos - startNanos) / 1e9;
        double rate = windowDone / ((lastNanos - sampleNanos[window]) / 1e9);
        return OptionalDouble.of(spent + (total - lastDone) / rate);
    }

    /// The stage's start, on the clock of its reports.
    public long startNanos() {
        return startNanos;
    }

    /// Seconds from the stage's start to its last report.
    public double elapsedSeconds() {
        return (lastNanos - startNanos) / 1e9;
    }

    /// The estimated seconds left after the last report: [#seconds()] less the time spent.
    public OptionalDouble secondsLeft() {
        OptionalDouble all = seconds();
        return all.isEmpty() ? all : OptionalDouble.of(Math.max(0, all.getAsDouble() - elapsedSeconds()));
    }

    /// Report points kept (the start included).
    int sampleCount() {
        return samples;
    }

    /// The sample the rate is measured from: the last one at or before half of the work done, at
    /// the earliest the first report with work done (sample 1; sample 0 is the stage's start).
    private int windowStart() {
        long half = lastDone / 2;
        int index = Arrays.binarySearch(sampleDone, 0, samples, half);
        if (index < 0) {
            index = -index - 2;
        }
        return Math.min(Math.max(1, index), samples - 1);
    }
}
