package org.sembridge.app;

import java.util.ArrayList;
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

    /// The six pages, in navigation order.
    static final List<String> PAGES = List.of("models", "runs", "inspector", "map", "search", "diff");

    private DemoScreenshots() {
    }

    /// Every page in the light theme (`models.png` ...), then every page in presentation mode
    /// (`models-present.png` ...) and every page in the dark theme (`models-dark.png` ...), at
    /// the window's size (1280 x 800). The map and diff pages compute nothing by themselves: the
    /// tour presses their Run (`makeMap`) and Compare (`compareRuns`) before their first shot, as a
    /// presenter would; the pages keep the result for the later shots.
    static List<Shot> shots(ShellViewModel shell, WorkbenchState state, Navigator navigator, Runnable makeMap,
            Runnable compareRuns) {
        List<Shot> shots = new ArrayList<>();
        for (String page : PAGES) {
            shots.add(new Shot(page, () -> {
                show(page, state, navigator);
                if (page.equals("map")) {
                    makeMap.run();
                } else if (page.equals("diff")) {
                    compareRuns.run();
                }
            }));
        }
        for (String page : PAGES) {
            shots.add(new Shot(page + "-present", () -> {
                shell.darkThemeProperty().set(false);
                shell.presentationProperty().set(true);
                show(page, state, navigator);
            }));
        }
        for (String page : PAGES) {
            shots.add(new Shot(page + "-dark", () -> {
                shell.presentationProperty().set(false);
                shell.darkThemeProperty().set(true);
                show(page, state, navigator);
            }));
        }
        return List.copyOf(shots);
    }

    private static void show(String page, WorkbenchState state, Navigator navigator) {
        navigator.showPage(page);
        if (page.equals("inspector") || page.equals("map")) {
            state.selectedTokenProperty().set(DEMO_TOKEN);
        }
    }
}
