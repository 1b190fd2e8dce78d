package org.sembridge.engine.cli;

import com.google.gson.JsonObject;
import org.sembridge.engine.bench.TimingSummary;

/// A [TimingSummary] in the bench commands' `--json` documents: `median`, `fastest`, `slowest`
/// (seconds) and `count`.
final class TimingSummaryJson {

    static final String MEDIAN = "median";
    static final String FASTEST = "fastest";
    static final String SLOWEST = "slowest";
    static final String COUNT = "count";

    private TimingSummaryJson() {
    }

    /// The summary as JSON.
    static JsonObject write(TimingSummary t) {
        JsonObject o = new JsonObject();
        o.addProperty(MEDIAN, t.medianSeconds());
        o.addProperty(FASTEST, t.fastestSeconds());
        o.addProperty(SLOWEST, t.slowestSeconds());
        o.addProperty(COUNT, t.count());
        return o;
    }

    /// Reads an object written by [#write].
    static TimingSummary read(JsonObject o) {
        return new TimingSummary(o.get(MEDIAN).getAsDouble(), o.get(FASTEST).getAsDouble(),
                o.get(SLOWEST).getAsDouble(), o.get(COUNT).getAsInt());
    }
}
