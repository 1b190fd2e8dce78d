package org.sembridge.app;

import java.util.List;
import org.sembridge.app.common.Navigator;
import org.sembridge.app.shell.ScreenshotTour.Shot;
import org.sembridge.app.shell.ShellViewModel;
import org.sembridge.app.workspace.WorkbenchState;

/// The README's screenshots: which page, in which theme, with which token selected. The demo
/// token is `책` ("book"), which the Korean demo run builds from `book`, `volume` and `##book`.
final class DemoScreenshots {

    /// The demo token selected before the inspector and map shots.
    static final String DEMO_TOKEN = "책";

    private DemoScreenshots() {
    }

    /// Every page in the light theme, then the inspector in the dark theme and the map in
    /// presentation mode. The map page makes no map by itself: the tour asks for one with
    /// `makeMap` (the page's Run button), as a presenter would.
    static List<Shot> shots(ShellViewModel shell, WorkbenchState state, Navigator navigator, Runnable makeMap) {
        return List.of(
                new Shot("models", () -> navigator.showPage("models")),
                new Shot("runs", () -> navigator.showPage("runs")),
                new Shot("inspector", () -> {
                    navigator.showPage("inspector");
                    state.selectedTokenProperty().set(DEMO_TOKEN);
                }),
                new Shot("search", () -> navigator.showPage("search")),
                new Shot("map", () -> {
                    navigator.showPage("map");
                    makeMap.run();
                    state.selectedTokenProperty().set(DEMO_TOKEN);
                }),
                new Shot("inspector-dark", () -> {
                    navigator.showPage("inspector");
                    shell.darkThemeProperty().set(true);
                }),
                new Shot("map-presentation", () -> {
                    navigator.showPage("map");
                    shell.darkThemeProperty().set(false);
                    shell.presentationProperty().set(true);
                }));
    }
}
