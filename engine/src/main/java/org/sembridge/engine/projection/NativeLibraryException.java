package org.sembridge.engine.projection;

import org.sembridge.engine.SemBridgeException;

/// A native library the projections need (OpenBLAS with LAPACK, called by Smile through FFM) cannot
/// be loaded. User-fixable: the message says which library, where it was looked for, and how to
/// make it findable.
public class NativeLibraryException extends SemBridgeException {

    private static final long serialVersionUID = 1L;

    public NativeLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
