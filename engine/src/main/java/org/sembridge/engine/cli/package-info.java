/// The `bin/sembridge` command line, built with picocli: [SemBridgeCli] wires one `XCommand` class
/// per subcommand; [CliErrorHandler] maps the engine's exception family to the exit codes in
/// [ExitCodes]. [BenchCommand] groups the benchmarks (`bench encode`, ...), one command class
/// each, listed in its `subcommands`.
///
/// This is the only package allowed to print to `System.out`/`System.err` (an ArchUnit rule).
/// Commands are thin: they parse options, call the engine and format its records as text or one
/// JSON document (`--json`).
package org.sembridge.engine.cli;
