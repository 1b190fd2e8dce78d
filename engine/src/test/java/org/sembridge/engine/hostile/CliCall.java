package org.sembridge.engine.hostile;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.sembridge.engine.cli.SemBridgeCli;

/// One in-process run of `bin/sembridge` (through [SemBridgeCli#run]) inside a case.
///
/// @param exitCode the exit code
/// @param out standard output
/// @param err standard error
record CliCall(int exitCode, String out, String err) {

    static CliCall of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SemBridgeCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliCall(code, out.toString(), err.toString());
    }

    /// The observation of a failed run.
    Observation.Exited exited() {
        return new Observation.Exited(exitCode, err);
    }
}
