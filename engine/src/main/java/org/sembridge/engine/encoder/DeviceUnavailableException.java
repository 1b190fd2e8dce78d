package org.sembridge.engine.encoder;

import org.sembridge.engine.SemBridgeException;

/// The requested device cannot be used on this machine: `--device gpu` without a usable GPU.
///
/// User-fixable, but not bad input: the environment lacks the CUDA runtime or a CUDA build of
/// libtorch, and the message says which and how to provide it. The CLI exits with 14
/// (missing native library or device), like a missing [org.sembridge.engine.projection.NativeLibraryException].
public class DeviceUnavailableException extends SemBridgeException {

    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String message) {
        super(message);
    }
}
