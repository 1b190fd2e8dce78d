package org.sembridge.engine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.sembridge.engine.transfer.baseline.TransferMethod;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/// Writes `docs/cli.md`, the command-line reference, from the picocli model of [SemBridgeCli]:
/// every command and subcommand with its description, and every option and parameter with its
/// parameter label, default and help text. [CliReferenceTest] fails when the committed file
/// differs from what this produces, so the page cannot drift from the code.
final class CliReference {

    static final String FILE = "docs/cli.md";

    private CliReference() {
    }

    static String markdown() {
        CommandLine root = SemBridgeCli.newCommandLine(CancellationToken.create());
        StringBuilder md = new StringBuilder();
        md.append("# Command-line reference\n\n");
        md.append("<!-- Generated from the picocli model by CliReference (engine tests); do not edit by hand.\n");
        md.append("     Regenerate: ./mvnw -pl engine test -Dtest=CliReferenceTest -Dsembridge.regenerate.docs=true -->\n\n");
        md.append("`bin/sembridge COMMAND [OPTIONS]`. Every command also takes `-h`/`--help` (its usage), and the\n");
        md.append("global options below. Exit codes: 0 ok, 1 internal error, 2 usage, 3 no JDK 25 (launcher), 4 build\n");
        md.append("failed (launcher), 10 bad model, 11 bad input, 12 cancelled, 13 I/O error, 14 missing native\n");
        md.append("library or device. Every error is one line on stderr (`--debug` adds the stack trace).\n\n");
        md.append("The commands shown in README.md and docs/ are run by the tests (`ReadmeCommandsTest`): see\n");
        md.append("[How the docs are tested](#how-the-docs-are-tested) at the end.\n\n");
        List<CommandLine> commands = new ArrayList<>();
        collect(root, commands);
        md.append("| command | what it does |\n|---|---|\n");
        for (CommandLine command : commands.subList(1, commands.size())) {
            md.append("| [`").append(name(command)).append("`](#").append(anchor(command)).append(") | ")
                    .append(cell(firstLine(command.getCommandSpec()))).append(" |\n");
        }
        md.append('\n');
        for (CommandLine command : commands) {
            section(command, md);
        }
        md.append(HOW_DOCS_ARE_TESTED);
        return machineIndependent(md.toString());
    }

    /// Defaults computed from where this checkout lies (the repository root, the temp folder)
    /// are written as placeholders, so the page is the same on every machine.
    private static String machineIndependent(String page) {
        String text = page;
        for (java.nio.file.Path root : java.util.List.of(SampleData.repoRoot(),
                SampleData.repoRoot().toAbsolutePath().normalize())) {
            text = text.replace(root + java.io.File.separator, "");
        }
        String tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir")).toString();
        return text.replace("`" + tmp + "`", "`<java.io.tmpdir>`").replace("Default: " + tmp + ".",
                "Default: <java.io.tmpdir>.");
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        if (command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
            return;
        }
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }

    private static void section(CommandLine command, StringBuilder md) {
        CommandSpec spec = command.getCommandSpec();
        md.append("## ").append(name(command)).append("\n\n");
        for (String line : spec.usageMessage().description()) {
            md.append(interpolate(line)).append("\n\n");
        }
        List<ArgSpec> args = new ArrayList<>();
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (!positional.hidden()) {
                args.add(positional);
            }
        }
        for (OptionSpec option : spec.options()) {
            if (!option.hidden() && !isStandardHelp(option) && (option.inherited() == false || command.getParent() == null)) {
                args.add(option);
            }
        }
        if (args.isEmpty()) {
            md.append("No options besides `--help`.\n\n");
            return;
        }
        md.append("| option | value | default | description |\n|---|---|---|---|\n");
        for (ArgSpec arg : args) {
            md.append("| ").append(cell(names(arg))).append(" | ").append(cell(valueLabel(arg))).append(" | ")
                    .append(cell(defaultOf(arg))).append(" | ").append(cell(description(arg))).append(" |\n");
        }
        md.append('\n');
        if (command.getHelpSectionMap().containsKey(MethodHelp.SECTION_KEY)) {
            md.append("| method | label | description | needs |\n|---|---|---|---|\n");
            for (TransferMethod method : InitializerRegistry.methods()) {
                md.append("| `").append(method.name()).append("` | ").append(cell(method.label())).append(" | ")
                        .append(cell(method.description())).append(" | ").append(MethodHelp.needs(method)).append(" |\n");
            }
            md.append('\n');
        }
    }

    static boolean isStandardHelp(OptionSpec option) {
        return option.usageHelp() || option.versionHelp();
    }

    private static String name(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }

    private static String anchor(CommandLine command) {
        return name(command).toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static String firstLine(CommandSpec spec) {
        String[] description = spec.usageMessage().description();
        return description.length == 0 ? "" : interpolate(description[0]);
    }

    private static String names(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return java.util.Arrays.stream(option.names()).map(n -> "`" + n + "`").collect(Collectors.joining(", "));
        }
        return "`" + ((PositionalParamSpec) arg).paramLabel() + "` (positional)";
    }

    private static String valueLabel(ArgSpec arg) {
        if (arg.typeInfo().isBoolean()) {
            return "";
        }
        return "`" + arg.paramLabel() + "`" + (arg.isMultiValue() ? " ..." : "");
    }

    /// The default as picocli applies it: the declared default value, else the field's initial
    /// value; `required` for required arguments, `off` for flags.
    static String defaultOf(ArgSpec arg) {
        if (arg.required()) {
            return "required";
        }
        if (arg.typeInfo().isBoolean()) {
            return "off";
        }
        String declared = arg.defaultValue();
        if (declared != null) {
            return "`" + declared + "`";
        }
        Object initial = arg.initialValue();
        if (initial != null && !(initial instanceof java.util.Collection<?> c && c.isEmpty())) {
            return "`" + initial + "`";
        }
        return "see description";
    }

    private static String description(ArgSpec arg) {
        return java.util.Arrays.stream(arg.description()).map(CliReference::interpolate).collect(Collectors.joining(" "));
    }

    private static String interpolate(String text) {
        return text.replace("%n", " ");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static final String HOW_DOCS_ARE_TESTED = """
            ## How the docs are tested

            `ReadmeCommandsTest` (engine tests, so `bin/test` and CI) runs every `bin/sembridge` command of
            README.md and docs/**/*.md in document order, in-process through the same entry point, and
            fails on a non-zero exit code or on output that differs from what the page shows. The rules a
            page follows:

            - A command is a line of a ` ```bash ` block that starts with `bin/sembridge`; `\\` continues
              it, `# ...` after it is a comment.
            - `[...]` marks an optional part: the command is checked once without every optional part and
              once with all of them.
            - `/tmp/...` paths are mapped into the test's scratch folder (shared by the whole run, so a
              later command sees what an earlier one wrote); relative paths resolve against the repository
              root. Nothing is written into the repository or the home folder.
            - `bench` and `experiment` are long: they are only parsed (every option must exist and take its
              value). So is every command of a block preceded by `<!-- doc-test: options-only -->` (use it
              for placeholders such as `...`).
            - A plain ` ``` ` block preceded by `<!-- doc-test: output of PREFIX -->` is the output of the
              first command of the bash block above whose arguments start with PREFIX (`encode`,
              `inspect --run`), run without its optional parts. Its lines must appear in the real output
              in order and adjacent; a line `...` stands for any number of lines; numbers are compared at
              the precision shown. When a change alters an output on purpose, copy the new output into the
              page.
            """;
}
