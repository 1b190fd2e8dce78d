package org.sembridge.engine.cli;

import java.util.Locale;

/// The one line the CLI prints when the JVM runs out of memory: what ran out, the current limit,
/// and the setting that raises it (`bin/sembridge` passes `SEMBRIDGE_JAVA_OPTS` to the JVM).
///
/// | `OutOfMemoryError` message | what ran out | raised with |
/// |---|---|---|
/// | `Java heap space`, `GC overhead limit exceeded`, `Requested array size exceeds VM limit` | the Java heap | `-Xmx` |
/// | `Direct buffer memory` | direct (off-heap) buffers | `-XX:MaxDirectMemorySize` |
/// | `Metaspace` | class metadata | `-XX:MaxMetaspaceSize` |
/// | `unable to create native thread` | operating-system threads | the system's limits |
final class OutOfMemoryMessage {

    private static final long MIB = 1 << 20;

    private OutOfMemoryMessage() {
    }

    /// The message for `error`, given the JVM's current heap limit in bytes.
    static String of(OutOfMemoryError error, long maxHeapBytes) {
        String what = error.getMessage() == null ? "" : error.getMessage();
        String lower = what.toLowerCase(Locale.ROOT);
        if (lower.contains("direct buffer")) {
            return "out of memory: direct (off-heap) buffer memory ran out; raise the limit with"
                    + " SEMBRIDGE_JAVA_OPTS=-XX:MaxDirectMemorySize=8g, or use a smaller --batch";
        }
        if (lower.contains("metaspace")) {
            return "out of memory: class metadata space (Metaspace) ran out; raise the limit with"
                    + " SEMBRIDGE_JAVA_OPTS=-XX:MaxMetaspaceSize=1g";
        }
        if (lower.contains("native thread")) {
            return "out of memory: the system refused to create another thread (" + what + "); raise the process"
                    + " or thread limits (ulimit -u) or close other programs";
        }
        long suggestedGib = Math.max(2, ceilGib(maxHeapBytes) * 2);
        return String.format(Locale.ROOT, "out of memory: the Java heap (at most %,d MiB now) ran out%s; raise the"
                + " limit with SEMBRIDGE_JAVA_OPTS=-Xmx%dg, or give smaller input (--batch, fewer documents per file,"
                + " a lower --max-line-mib)", maxHeapBytes / MIB, what.isEmpty() ? "" : " (" + what + ")",
                suggestedGib);
    }

    /// The message for the running JVM.
    static String of(OutOfMemoryError error) {
        return of(error, Runtime.getRuntime().maxMemory());
    }

    /// The first `OutOfMemoryError` in the cause chain of `t`, or `null`.
    static OutOfMemoryError find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    private static long ceilGib(long bytes) {
        return (bytes + (1L << 30) - 1) >> 30;
    }
}
