package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionSetting;
import org.sembridge.engine.projection.ProjectionSettingCatalog;
import org.sembridge.engine.projection.TsneParameters;
import org.sembridge.engine.projection.UmapParameters;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

class ProjectionOptionsTest {

    /// A setting that no parameter record has yet, as a new projection parameter starts out.
    static final ProjectionSetting SPREAD = new ProjectionSetting("spread", "--spread", "S", "Spread",
            ProjectionSetting.Kind.REAL, 0.5, 3, 0.1, 1.0, "spread", "0.5 .. 3", "map units",
            "the scale of the embedded points");

    @Test
    void projectCommandOffersTodaysProjectionOptionsWithTheirTypes() {
        CommandSpec spec = new CommandLine(new ProjectCommand()).getCommandSpec();
        assertEquals(Double.class, spec.findOption("--perplexity").type());
        assertEquals(Double.class, spec.findOption("--learning-rate").type());
        assertEquals(Integer.class, spec.findOption("--neighbours").type());
        assertEquals(Double.class, spec.findOption("--min-dist").type());
        assertEquals(Integer.class, spec.findOption("--iterations").type());
        assertEquals(Long.class, spec.findOption("--seed").type());
        assertEquals(List.of("t-SNE iterations (>= 250, default 1000) or UMAP epochs (>= 10, default 500)."),
                List.of(spec.findOption("--iterations").description()));
    }

    @Test
    void sharedOptionFeedsTheSettingOfTheChosenMethod() {
        CommandSpec spec = parsed(ProjectionSettingCatalog.standard(), "--iterations", "300", "--seed", "7");
        ProjectionOptions options = new ProjectionOptions();
        assertEquals(new TsneParameters(30, 300, 200, 7), options.parameters(spec, ProjectionMethod.TSNE));
        assertEquals(new UmapParameters(15, 0.1, 300, 7), options.parameters(spec, ProjectionMethod.UMAP));
    }

    @Test
    void aNewSettingDescriptorBecomesAProjectOptionWithItsHelp() {
        ProjectionSettingCatalog catalog = ProjectionSettingCatalog.standard().with(ProjectionMethod.UMAP, SPREAD);
        CommandSpec spec = parsed(catalog, "--spread", "2");
        assertEquals("UMAP spread (0.5 .. 3, map units). Default: 1.", spec.findOption("--spread").description()[0]);
        assertEquals(Double.class, spec.findOption("--spread").type());
        assertTrue(new CommandLine(spec).getUsageMessage().contains("--spread=S"));
        ProjectionOptions options = new ProjectionOptions(catalog);
        assertEquals(Map.of("spread", 2.0), options.values(spec, ProjectionMethod.UMAP));
        ParameterException e = assertThrows(ParameterException.class,
                () -> options.values(spec, ProjectionMethod.TSNE));
        assertEquals("--spread does not apply to t-SNE", e.getMessage());
    }

    private static CommandSpec parsed(ProjectionSettingCatalog catalog, String... args) {
        CommandSpec spec = new ProjectionOptions(catalog).transform(CommandSpec.create());
        new CommandLine(spec).parseArgs(args);
        return spec;
    }
}
