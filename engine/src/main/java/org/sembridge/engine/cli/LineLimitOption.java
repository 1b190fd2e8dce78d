package org.sembridge.engine.cli;

import org.sembridge.engine.io.TextLineReader;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// The shared `--max-line-mib N` option (a picocli mixin) of commands that read line files
/// (corpora, queries, qrels, runs, lexicons): the longest line accepted, in MiB. Longer lines
/// are refused with the file and line ([TextLineReader]).
final class LineLimitOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = TextLineReader.MAX_LINE_OPTION, defaultValue = "1", paramLabel = "MIB",
            description = "Longest accepted line (one document, query, judgement or dictionary entry) in MiB, 1 to "
                    + "1024; a longer line is refused with its file and line number. Default: ${DEFAULT-VALUE}.")
    int maxLineMib;

    /// The limit in bytes.
    ///
    /// @throws ParameterException (exit 2) when the value is outside 1 to 1024
    int bytes() {
        int largest = TextLineReader.LARGEST_MAX_LINE_BYTES >> 20;
        if (maxLineMib < 1 || maxLineMib > largest) {
            throw new ParameterException(spec.commandLine(), TextLineReader.MAX_LINE_OPTION + " must be in [1, "
                    + largest + "], found " + maxLineMib);
        }
        return maxLineMib << 20;
    }
}
