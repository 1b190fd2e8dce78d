package org.sembridge.engine.io;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/// Takes back the terminal's standard error from the launcher's start-up filter; the first call
/// of every entry point's `main` (`sembridge`, the workbench).
///
/// Why: the JVM prints `WARNING: Using incubator modules: jdk.incubator.vector` to standard error
/// before `main` whenever `--add-modules jdk.incubator.vector` is given (Lucene's vector fast
/// path needs it), and no JVM option turns that line off. `bin/lib/jdk.sh` therefore starts the JVM
/// with the real standard error saved as file descriptor 3 and descriptor 2 going through a filter
/// that drops exactly that line (anything else the JVM says before `main`, such as a bad option,
/// still passes). The first thing `main` does is [#restore()]: `dup2(3, 2)` and `close(3)`, so
/// every later line (ours, the JVM's, native libraries') goes straight to the terminal, in order,
/// and the filter ends as soon as its input closes.
///
/// Active only when the launcher sets the system property [#PROPERTY] to the saved descriptor;
/// without it (tests, `java -cp ...` by hand) this does nothing. On a platform without `dup2`
/// (Windows) it does nothing either.
public final class StandardErrorHandover {

    /// System property naming the file descriptor that holds the real standard error.
    public static final String PROPERTY = "sembridge.stderr.fd";

    private static final int STANDARD_ERROR = 2;

    private StandardErrorHandover() {
    }

    /// Points file descriptor 2 back at the descriptor named by [#PROPERTY] and closes that one;
    /// a no-op when the property is absent or malformed or `dup2` is unavailable. Call it first in
    /// `main`, before anything is written to `System.err`: it re-points the descriptor under
    /// Java's stream and does not touch the stream itself (library code never uses the
    /// terminal's streams), so text buffered in `System.err` before the call would follow it.
    public static void restore() {
        String value = System.getProperty(PROPERTY);
        if (value == null || !value.matches("[3-9]")) {
            return;
        }
        int saved = Integer.parseInt(value);
        Linker linker = Linker.nativeLinker();
        Optional<MethodHandle> dup2 = function(linker, "dup2", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        Optional<MethodHandle> close = function(linker, "close",
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        if (dup2.isEmpty() || close.isEmpty()) {
            return;
        }
        try {
            if ((int) dup2.get().invokeExact(saved, STANDARD_ERROR) == STANDARD_ERROR) {
                int ignored = (int) close.get().invokeExact(saved);
            }
        } catch (Throwable e) {
            // Nothing to do: standard error keeps going through the launcher's filter.
        }
    }

    private static Optional<MethodHandle> function(Linker linker, String name, FunctionDescriptor descriptor) {
        return linker.defaultLookup().find(name).map(address -> linker.downcallHandle(address, descriptor));
    }
}
