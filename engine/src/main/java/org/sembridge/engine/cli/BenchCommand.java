package org.sembridge.engine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/// `sembridge bench ...`: the benchmarks, one subcommand each (add a benchmark by adding its
/// command class to `subcommands`). Figures are measurements on this machine, printed with
/// the device, threads and load average they were taken at.
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the engine's speed on this machine (see docs/benchmarks.md).",
        subcommands = {
            EncodeBenchmarkCommand.class,
            SearchBenchmarkCommand.class,
            InitBenchmarkCommand.class,
            ProjectBenchmarkCommand.class,
            TokenizerBenchmarkCommand.class,
        })
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /// `bench` alone is a usage error that lists the benchmarks.
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a benchmark: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
