package org.sembridge.engine.cli;

/// The documented exit codes of `bin/sembridge`. Every failure prints exactly one line to stderr
/// (`error: ...`), plus the stack trace with `--debug`.
///
/// | code | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | internal error (a bug: please report it with `--debug` output) |
/// | 2 | usage error: unknown command or option, missing or malformed argument |
/// | 3 | no JDK 25 found (launcher script) |
/// | 4 | building the engine failed (launcher script) |
/// | 10 | a model file or folder is malformed (`ModelFormatException`) |
/// | 11 | input data is malformed or out of range (`InputFormatException`) |
/// | 12 | the operation was cancelled (Ctrl-C) |
/// | 13 | an I/O error (disk full, permission denied, ...) |
/// | 14 | the environment lacks something: a native library (OpenBLAS/ARPACK for UMAP) or a device |
public final class ExitCodes {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int MODEL_FORMAT = 10;
    public static final int INPUT_FORMAT = 11;
    public static final int CANCELLED = 12;
    public static final int IO_ERROR = 13;
    public static final int ENVIRONMENT = 14;

    private ExitCodes() {
    }
}
