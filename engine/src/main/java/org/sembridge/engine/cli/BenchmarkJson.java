package org.sembridge.engine.cli;

import com.google.gson.JsonObject;
import org.sembridge.engine.io.FormatVersion;

/// The envelope every benchmark command's `--json` document shares: it starts with
/// `"format_version"` so that scripts comparing reports over time can tell layouts apart (the
/// keys after it are each benchmark's own and did not change when the version was added; a
/// report without the field is version 1).
final class BenchmarkJson {

    /// The layout version of the benchmark reports this engine prints.
    static final int FORMAT_VERSION = 1;
    /// The version rule of a benchmark report (absent = 1, newer refused).
    static final FormatVersion VERSION = new FormatVersion("benchmark report", "format_version", FORMAT_VERSION);

    private BenchmarkJson() {
    }

    /// A new report document, stamped with its version.
    static JsonObject document() {
        JsonObject document = new JsonObject();
        VERSION.stamp(document);
        return document;
    }

    /// Checks the version of a report before a codec reads it: a report without the field is
    /// version 1; a newer one is refused.
    ///
    /// @param report names the report in the message, e.g. `bench init report`
    /// @throws IllegalStateException when the version is not a whole number of at least 1, or is
    ///     newer than this engine writes
    static void checkVersion(JsonObject document, String report) {
        VERSION.read(document, report, IllegalStateException::new);
    }
}
