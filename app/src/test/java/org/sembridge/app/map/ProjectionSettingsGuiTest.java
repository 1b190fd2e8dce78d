package org.sembridge.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sembridge.engine.cli.ProjectionOptions;
import org.sembridge.engine.projection.ProjectionMethod;
import org.sembridge.engine.projection.ProjectionSetting;
import org.sembridge.engine.projection.ProjectionSettingCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/// A projection setting described once reaches both front-ends: the map page's controls and
/// session, and the `project` command's options, are generated from the same descriptor.
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class ProjectionSettingsGuiTest {

    /// A UMAP setting no parameter record has yet: what a new projection parameter starts as.
    private static final ProjectionSetting SPREAD = new ProjectionSetting("spread", "--spread", "S", "Spread",
            ProjectionSetting.Kind.REAL, 0.5, 3, 0.25, 1.0, "spread", "0.5 .. 3", "map units",
            "the scale of the embedded points");
    private static final ProjectionSettingCatalog WITH_SPREAD = ProjectionSettingCatalog.standard()
            .with(ProjectionMethod.UMAP, SPREAD);

    private MapSettings settings;
    private ProjectionSettingControls controls;

    @Start
    void start(Stage stage) {
        settings = new MapSettings(WITH_SPREAD);
        controls = new ProjectionSettingControls(settings.catalog(), settings::setting, settings.method());
        stage.setScene(new Scene(new FlowPane(controls.nodes().toArray(Node[]::new)), 1000, 200));
        stage.show();
    }

    @Test
    void aNewSettingDescriptorAppearsOnTheMapPageAndAsAProjectOption(FxRobot robot) {
        robot.interact(() -> settings.method().set(ProjectionMethod.UMAP));
        Spinner<Double> spread = robot.lookup("#mapSpread").queryAs(Spinner.class);
        assertTrue(shown(spread));
        assertEquals(1.0, spread.getValue());
        var range = (SpinnerValueFactory.DoubleSpinnerValueFactory) spread.getValueFactory();
        assertEquals(0.5, range.getMin());
        assertEquals(3.0, range.getMax());
        assertEquals("UMAP spread: the scale of the embedded points; 0.5 .. 3 (map units); default 1",
                spread.getTooltip().getText());

        robot.interact(() -> spread.getValueFactory().setValue(2.0));
        JsonObject session = settings.sessionState().toJson();
        assertEquals(2.0, session.get("spread").getAsDouble());

        robot.interact(() -> settings.method().set(ProjectionMethod.TSNE));
        assertFalse(shown(spread));

        CommandSpec project = new ProjectionOptions(WITH_SPREAD).transform(CommandSpec.create());
        new CommandLine(project).parseArgs("--spread", "2.5");
        assertEquals(List.of("UMAP spread (0.5 .. 3, map units). Default: 1."),
                List.of(project.findOption("--spread").description()));
        assertEquals(2.5, (Double) project.findOption("--spread").getValue());
    }

    @Test
    void standardSettingsKeepTheirControlIdsAndDefaults(FxRobot robot) {
        robot.interact(() -> settings.method().set(ProjectionMethod.TSNE));
        assertEquals(30.0, robot.lookup("#mapPerplexity").queryAs(Spinner.class).getValue());
        assertEquals(1000, robot.lookup("#mapIterations").queryAs(Spinner.class).getValue());
        assertEquals(200.0, robot.lookup("#mapLearningRate").queryAs(Spinner.class).getValue());
        assertTrue(shown(robot.lookup("#mapSeed").query()));
        assertFalse(shown(robot.lookup("#mapNeighbours").query()));
        robot.interact(() -> settings.method().set(ProjectionMethod.PCA));
        assertFalse(shown(robot.lookup("#mapSeed").query()));
        assertFalse(shown(robot.lookup("#mapPerplexity").query()));
    }

    /// Whether `node` and every parent are visible.
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
