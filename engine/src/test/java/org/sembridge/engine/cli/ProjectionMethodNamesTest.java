package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionSettingCatalog;
import org.sembridge.engine.projection.UmapParameters;
import picocli.CommandLine;

/// The projection methods' command-line names come from [ProjectionMethod], so a new constant is
/// accepted by `project --method` and `bench project --methods` with no switch to extend; the
/// hand-written help texts that list the methods fail here until they name the new one.
class ProjectionMethodNamesTest {

    @Test
    void namesParseIgnoringCaseBlanksAndHyphens() {
        assertEquals(Optional.of(ProjectionMethod.PCA), ProjectionMethodNames.parse("pca"));
        assertEquals(Optional.of(ProjectionMethod.TSNE), ProjectionMethodNames.parse(" t-SNE "));
        assertEquals(Optional.of(ProjectionMethod.UMAP), ProjectionMethodNames.parse("UMAP"));
        assertEquals(Optional.empty(), ProjectionMethodNames.parse("mds"));
    }

    @Test
    void messagesListTodaysMethodsAsBefore() {
        assertEquals("pca, tsne or umap", ProjectionMethodNames.listed());
        assertEquals("pca|tsne|umap", ProjectionMethodNames.alternatives());
    }

    @Test
    void commandsWordTheirMethodErrorsAsBefore() {
        CliRun bench = CliRun.of("bench", "project", "--points", "50", "--dimension", "4", "--methods", "pca,mds");
        assertEquals(ExitCodes.USAGE, bench.exitCode());
        assertTrue(bench.err().startsWith("error: --methods: unknown method 'mds'; expected pca, tsne or umap"),
                bench.err());
        CliRun unknown = CliRun.of("project", "--run", "no-such-run", "--points", "lexicon", "--method", "mds",
                "--out", "never-written.csv");
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertTrue(unknown.err().startsWith("error: --method must be pca, tsne or umap, found 'mds'"), unknown.err());
        CliRun project = CliRun.of("project", "--points", "lexicon");
        assertEquals(ExitCodes.USAGE, project.exitCode());
        assertTrue(project.err().startsWith("error: project needs --run DIR --points SPEC --method pca|tsne|umap "
                + "--out FILE.csv|.json (or --import FILE.csv --png FILE.png)"), project.err());
    }

    @Test
    void everyMethodIsNamedInTheHelpOfProjectAndBenchProject() {
        CommandLine cli = SemBridgeCli.newCommandLine(CancellationToken.create());
        String projectHelp = String.join(" ",
                cli.getSubcommands().get("project").getCommandSpec().findOption("--method").description());
        CommandLine bench = cli.getSubcommands().get("bench").getSubcommands().get("project");
        String benchMethodsHelp = String.join(" ", bench.getCommandSpec().findOption("--methods").description());
        String benchHelp = String.join(" ", bench.getCommandSpec().usageMessage().description());
        for (ProjectionMethod method : ProjectionMethod.values()) {
            String name = method.name().toLowerCase(Locale.ROOT);
            assertTrue(projectHelp.contains(name), "ProjectCommand's --method help does not name " + name);
            assertTrue(benchMethodsHelp.contains(name),
                    "ProjectBenchmarkCommand's --methods help does not name " + name);
            assertTrue(benchHelp.contains(method.displayName()),
                    "ProjectBenchmarkCommand's description does not name " + method.displayName());
        }
    }

    @Test
    void anOptionSharedByThreeMethodsNamesThemInOneList() {
        List<ProjectionSettingCatalog.Owned> owners = List.of(
                new ProjectionSettingCatalog.Owned(ProjectionMethod.PCA, UmapParameters.SEED),
                new ProjectionSettingCatalog.Owned(ProjectionMethod.TSNE, UmapParameters.SEED),
                new ProjectionSettingCatalog.Owned(ProjectionMethod.UMAP, UmapParameters.SEED));
        assertEquals("PCA, t-SNE and UMAP seed. Default: 42.", ProjectionOptions.description(owners));
    }
}
