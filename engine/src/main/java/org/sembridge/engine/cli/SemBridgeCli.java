package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.sembridge.engine.io.StandardErrorHandover;
import org.sembridge.engine.progress.CancellationToken;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/// The `bin/sembridge` command line: one [Command] class per subcommand, this class only wires
/// them together, sets the global `--debug` option, maps failures to [ExitCodes] and hands every
/// command the [CancellationToken] that Ctrl-C cancels ([InterruptCancellation]). An
/// `OutOfMemoryError` anywhere ends the command with exit 1 and one line saying what ran out and
/// how to raise the limit ([OutOfMemoryMessage]).
@Command(name = "sembridge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "SemBridge: transfer an English learned sparse encoder to a new language.",
        footer = {"", "Exit codes: 0 ok, 1 internal error, 2 usage, 10 bad model, 11 bad input,"
                + " 12 cancelled, 13 I/O error, 14 missing native library or device."},
        subcommands = {
            InfoCommand.class,
            EncodeCommand.class,
            InitCommand.class,
            InspectCommand.class,
            CompareCommand.class,
            DiffCommand.class,
            LexiconEvalCommand.class,
            IndexCommand.class,
            SearchCommand.class,
            IndexInfoCommand.class,
            EvalCommand.class,
            ExportCommand.class,
            ProjectCommand.class,
            ExperimentCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class SemBridgeCli {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces with errors (default: one line per error).")
    boolean debug;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log one line per operation with measured figures (tokens, seconds, device) to stderr.")
    boolean verbose;

    private final CancellationToken cancel;

    private SemBridgeCli(CancellationToken cancel) {
        this.cancel = cancel;
    }

    /// System property that makes [#main] print, as its last stderr line, how long the command
    /// itself took from `main` to exit: `sembridge: main took N ms` (`docs/measure-cli-startup.sh`
    /// compares it with the whole launcher's time).
    static final String MAIN_TIMING_PROPERTY = "sembridge.timing.main";

    /// Entry point of `bin/sembridge`.
    public static void main(String[] args) {
        long mainStart = System.nanoTime();
        StandardErrorHandover.restore();
        // slf4j-simple reads its levels once, when the first logger is made: decide before parsing.
        // Libraries that log through java.util.logging (Lucene's vectorization notice) would print
        // two INFO lines on every run; routed into slf4j they obey the CLI's levels (warn).
        CliLogging.configure(java.util.Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose")));
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        InterruptCancellation interrupt = InterruptCancellation.install(err);
        int code = run(args, out, err, interrupt.token());
        out.flush();
        if (Boolean.getBoolean(MAIN_TIMING_PROPERTY)) {
            err.printf("sembridge: main took %d ms%n", (System.nanoTime() - mainStart) / 1_000_000);
        }
        err.flush();
        interrupt.commandFinished();
        System.exit(code);
    }

    /// Runs the CLI with the given writers and returns the exit code (tests call this).
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, CancellationToken.create());
    }

    /// Runs the CLI with the given writers; long commands stop with [ExitCodes#CANCELLED] once
    /// `cancel` is cancelled.
    public static int run(String[] args, PrintWriter out, PrintWriter err, CancellationToken cancel) {
        CommandLine commandLine = newCommandLine(cancel);
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // An Error passes picocli's handler; the stack has unwound, so its memory is free again.
            err.println("error: " + OutOfMemoryMessage.of(e));
            if (java.util.Arrays.asList(args).contains("--debug")) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    static CommandLine newCommandLine(CancellationToken cancel) {
        CommandLine commandLine = new CommandLine(new SemBridgeCli(cancel));
        MethodHelp.addTo(commandLine.getSubcommands().get("init"));
        MethodHelp.addTo(commandLine.getSubcommands().get("experiment"));
        commandLine.setExecutionExceptionHandler(new CliErrorHandler());
        commandLine.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(usageErrorLine(ex));
            err.flush();
            return ExitCodes.USAGE;
        });
        return commandLine;
    }

    /// The one stderr line of a usage error: picocli's message (its own line breaks folded) and
    /// the `--help` call that shows the command's usage.
    static String usageErrorLine(CommandLine.ParameterException ex) {
        String message = CliErrorHandler.oneLine(String.valueOf(ex.getMessage()));
        return "error: " + message + " (run `" + ex.getCommandLine().getCommandSpec().qualifiedName()
                + " --help` for usage)";
    }

    /// The cancellation token of the invocation that `spec` belongs to.
    static CancellationToken cancellation(CommandLine.Model.CommandSpec spec) {
        return ((SemBridgeCli) spec.root().userObject()).cancel;
    }

    static boolean debugEnabled(CommandLine commandLine) {
        CommandLine root = commandLine;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof SemBridgeCli cli && cli.debug;
    }
}
