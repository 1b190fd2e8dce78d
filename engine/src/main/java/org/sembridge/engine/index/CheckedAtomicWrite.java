package org.sembridge.engine.index;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.io.AtomicFiles;

/// [AtomicFiles#write] for bodies that may also fail with a [SemBridgeException] (bad data,
/// cancellation): the exception travels through `AtomicFiles` unchecked, the temporary file is
/// deleted, and the original exception is rethrown to the caller.
final class CheckedAtomicWrite {

    /// Writes the body of an export; may fail with I/O or SemBridge exceptions.
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException, SemBridgeException;
    }

    private CheckedAtomicWrite() {
    }

    static void write(Path target, Body body) throws IOException, SemBridgeException {
        try {
            AtomicFiles.write(target, out -> {
                try {
                    body.writeTo(out);
                } catch (SemBridgeException e) {
                    throw new Tunnel(e);
                }
            });
        } catch (Tunnel tunnel) {
            throw tunnel.carried;
        }
    }

    private static final class Tunnel extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient SemBridgeException carried;

        Tunnel(SemBridgeException carried) {
            super(carried);
            this.carried = carried;
        }
    }
}
