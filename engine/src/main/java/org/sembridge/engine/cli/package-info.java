/// The `bin/sembridge` command line, built with picocli: [SemBridgeCli] wires one `XCommand` class
/// per subcommand; [CliErrorHandler] maps the engine's exception family to the exit codes in
/// [ExitCodes]. [BenchCommand] groups the benchmarks (`bench encode`, `bench search`), one command
/// class each, listed in its `subcommands`.
///
/// Commands: `info`, `encode` (a model and its sparse vectors); `index`, `search`, `eval`, `export`
/// (the retrieval lab: [IndexCommand], [SearchCommand], [EvalCommand], [ExportCommand], sharing the
/// query-model options of [QueryEncoderOptions]); `experiment` (the zero-shot table of a
/// configuration file, [ExperimentCommand]); `bench encode|search` ([BenchCommand]).
///
/// Conventions every command follows:
///
/// - **Output.** Results go to stdout as text, or as exactly one JSON document with `--json`.
///   Progress of long work goes to stderr ([StderrProgress]), so stdout stays parseable.
///   Each `bench X --json` document is one record and one codec: an `XBenchmarkRun` record of
///   what the report holds and an `XBenchmarkJson` class that spells its keys once, writes it
///   (starting with `format_version`, [BenchmarkJson]) and reads it back ([TokenizerBenchmarkJson],
///   [ProjectBenchmarkJson], [SearchBenchmarkJson], [EncodeBenchmarkJson], [InitBenchmarkJson];
///   shared parts in [BenchmarkEnvironmentJson] and [TimingSummaryJson]). `docs/run-benchmarks.sh`
///   and `docs/tools/render_benchmarks.py` read these keys: change them only with a new version.
/// - **Errors.** One line `error: ...` on stderr naming what, where, expected and found, and a
///   documented exit code ([ExitCodes]): 10 for a bad model, 11 for bad input data (an empty
///   query, a folder that is not an index, a model whose fingerprint differs from the index's, a
///   duplicate id or invalid UTF-8 with file and line), 2 for bad options.
/// - **Ctrl-C.** [InterruptCancellation] cancels the [org.sembridge.engine.progress.CancellationToken]
///   the command passed to the engine ([SemBridgeCli#cancellation]); the engine stops at its next
///   block, deletes staging folders and temporary files, and the process exits with 12.
///
/// - **Limits.** Commands that read line files (`index`, `eval`, `lexicon-eval`) take
///   `--max-line-mib` (default 1; [LineLimitOption]); a longer line is exit 11 with file and line.
///   An `OutOfMemoryError` anywhere is exit 1 with one line saying what ran out and how to raise
///   it, e.g. `SEMBRIDGE_JAVA_OPTS=-Xmx8g` ([OutOfMemoryMessage]).
///
/// This is the only package allowed to print to `System.out`/`System.err` (an ArchUnit rule).
/// Commands are thin: they parse options, call a workflow service of `org.sembridge.engine.workflow`
/// or the engine, and format its records: `init` -> `ModelTransfer`, `info` -> `ModelInspection`,
/// `export` -> `IndexExport`, `lexicon-eval` -> `LexiconScoring`; `index`, `search` and `eval`
/// call `IndexBuilding` and `OpenedIndex`; [QueryEncoderOptions] turns its options into an
/// `IndexOpening`.
package org.sembridge.engine.cli;
