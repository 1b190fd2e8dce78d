package org.sembridge.engine.provenance;

import java.time.Instant;
import java.util.Objects;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

/// Where and when an engine operation ran: engine and JDK versions, operating system, hardware,
/// the compute device with the reason it was chosen, and the start and end of the run. Every
/// export carries one (as Tribuo attaches provenance to every model), so that a result can be
/// traced to the software and machine that produced it.
///
/// Obtain one from [ProvenanceRecorder]; serialise with [#toJson()]. Timestamps are UTC instants
/// written as ISO-8601 (`2026-05-04T10:15:30.123Z`); `elapsedNanos` comes from the monotonic
/// clock (`System.nanoTime`) and is independent of wall-clock changes during the run.
///
/// @param engineVersion the engine version from the jar manifest, or `"development"` when run
///     from classes
/// @param javaVersion `Runtime.version()`, e.g. `25+36-LTS`
/// @param javaVendor the `java.vendor` property
/// @param osName the `os.name` property
/// @param osArch the `os.arch` property
/// @param availableProcessors processors available to the JVM, `>= 1`
/// @param maxHeapBytes the heap limit (`Runtime.maxMemory()`), bytes
/// @param deviceName the compute device, e.g. `cpu()` or `gpu(0)`
/// @param deviceReason why that device was chosen
/// @param started when the run started (UTC)
/// @param finished when the run finished (UTC), not before `started`
/// @param elapsedNanos monotonic run time, nanoseconds, `>= 0`
public record Provenance(String engineVersion, String javaVersion, String javaVendor, String osName, String osArch,
        int availableProcessors, long maxHeapBytes, String deviceName, String deviceReason, Instant started,
        Instant finished, long elapsedNanos) {

    /// Checks that no component is missing and times are ordered.
    ///
    /// @throws IllegalArgumentException for a `null` component, `finished` before `started` or a
    ///     negative `elapsedNanos`
    public Provenance {
        for (Object component : new Object[] {engineVersion, javaVersion, javaVendor, osName, osArch, deviceName,
                deviceReason, started, finished}) {
            Objects.requireNonNull(component, "provenance components must not be null");
        }
        if (finished.isBefore(started) || elapsedNanos < 0) {
            throw new IllegalArgumentException("provenance times must be ordered: started " + started + ", finished "
                    + finished + ", elapsed " + elapsedNanos + " ns");
        }
    }

    /// The engine version: `Implementation-Version` of the engine jar's manifest, else
    /// `"development"`.
    public static String currentEngineVersion() {
        String version = Provenance.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "development" : version;
    }

    /// The run time in seconds (`elapsedNanos / 1e9`).
    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    /// A JSON object, stable key names grouped by topic:
    ///
    /// ```json
    /// {"engine": {"version": "development"},
    ///  "java": {"version": "25+36-LTS", "vendor": "Eclipse Adoptium"},
    ///  "os": {"name": "Linux", "arch": "amd64"},
    ///  "hardware": {"availableProcessors": 16, "maxHeapBytes": 4294967296},
    ///  "device": {"name": "cpu()", "reason": "requested"},
    ///  "time": {"started": "2026-...Z", "finished": "2026-...Z", "elapsedNanos": 1234, "elapsedSeconds": 1.2e-6}}
    /// ```
    ///
    /// The caller may add its own members (inputs, parameters) to the returned object.
    public JsonObject toJson() {
        JsonObject engine = new JsonObject();
        engine.addProperty("version", engineVersion);
        JsonObject java = new JsonObject();
        java.addProperty("version", javaVersion);
        java.addProperty("vendor", javaVendor);
        JsonObject os = new JsonObject();
        os.addProperty("name", osName);
        os.addProperty("arch", osArch);
        JsonObject hardware = new JsonObject();
        hardware.addProperty("availableProcessors", availableProcessors);
        hardware.addProperty("maxHeapBytes", maxHeapBytes);
        JsonObject device = new JsonObject();
        device.addProperty("name", deviceName);
        device.addProperty("reason", deviceReason);
        JsonObject time = new JsonObject();
        time.addProperty("started", started.toString());
        time.addProperty("finished", finished.toString());
        time.addProperty("elapsedNanos", elapsedNanos);
        time.addProperty("elapsedSeconds", elapsedSeconds());
        JsonObject root = new JsonObject();
        root.add("engine", engine);
        root.add("java", java);
        root.add("os", os);
        root.add("hardware", hardware);
        root.add("device", device);
        root.add("time", time);
        return root;
    }

    /// [#toJson()] as indented text, e.g. for `provenance.json`.
    public String toJsonText() {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJson());
    }
}
