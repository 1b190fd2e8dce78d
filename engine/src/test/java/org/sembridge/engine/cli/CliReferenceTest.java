package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.progress.CancellationToken;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/// `docs/cli.md` is the picocli model of the CLI, rendered by [CliReference]: the build fails when
/// the committed page differs (`-Dsembridge.regenerate.docs=true` rewrites it), and every help text
/// states its default.
class CliReferenceTest {

    private static final Path PAGE = SampleData.repoRoot().resolve(CliReference.FILE);

    @Test
    void theCommittedReferencePageIsWhatTheCommandModelGenerates() throws IOException {
        String generated = CliReference.markdown();
        if (Boolean.getBoolean("sembridge.regenerate.docs")) {
            AtomicFiles.writeString(PAGE, generated);
        }
        String committed = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "(missing)";
        assertEquals(generated, committed, CliReference.FILE + " is out of date; regenerate it with "
                + "./mvnw -pl engine test -Dtest=CliReferenceTest -Dsembridge.regenerate.docs=true and commit it");
    }

    @Test
    void everyOptionThatIsNeitherRequiredNorAFlagStatesItsDefaultInItsHelp() {
        List<String> silent = new ArrayList<>();
        visit(SemBridgeCli.newCommandLine(CancellationToken.create()), silent);
        assertTrue(silent.isEmpty(), "options whose help does not say their default: " + silent);
    }

    private static void visit(CommandLine command, List<String> silent) {
        if (command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
            return;
        }
        for (ArgSpec arg : command.getCommandSpec().args()) {
            if (arg.hidden() || arg.required() || arg.typeInfo().isBoolean()
                    || arg instanceof CommandLine.Model.OptionSpec o && CliReference.isStandardHelp(o)) {
                continue;
            }
            String help = String.join(" ", arg.description()).toLowerCase(Locale.ROOT);
            if (!help.contains("default")) {
                silent.add(command.getCommandSpec().qualifiedName() + " " + (arg instanceof CommandLine.Model.OptionSpec o
                        ? o.longestName() : arg.paramLabel()));
            }
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> visit(sub, silent));
    }
}
