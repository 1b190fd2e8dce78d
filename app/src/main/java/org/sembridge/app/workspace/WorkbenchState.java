package org.sembridge.app.workspace;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/// What the pages share: the workspace folder, the open runs and the current one, the selected
/// target token, the focused token group, and the per-token bookmarks and notes. Pages observe
/// these properties to stay in sync (a click on the map selects the token in the inspector).
/// FX thread only; toolkit-free otherwise, so ViewModel tests use it directly.
///
/// Tokens are keyed by their stored string (`▁집`), which is the same in every run of one target
/// tokenizer, so a selection and a bookmark survive switching runs.
public final class WorkbenchState {

    private final Workspace workspace;
    private final ObservableList<OpenRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<OpenRun> currentRun = new SimpleObjectProperty<>();
    private final ObjectProperty<String> selectedToken = new SimpleObjectProperty<>();
    private final ObjectProperty<TokenFocus> focus = new SimpleObjectProperty<>();
    private final ObservableSet<String> bookmarks = FXCollections.observableSet();
    private final ObservableMap<String, String> notes = FXCollections.observableHashMap();

    public WorkbenchState(Workspace workspace) {
        this.workspace = workspace;
    }

    public Workspace workspace() {
        return workspace;
    }

    /// Runs open in the workbench, in the order they were opened.
    public ObservableList<OpenRun> runs() {
        return runs;
    }

    /// The run the inspector, map and search pages show; `null` while none is open.
    public ObjectProperty<OpenRun> currentRunProperty() {
        return currentRun;
    }

    /// The selected target token (stored string); `null` when none.
    public ObjectProperty<String> selectedTokenProperty() {
        return selectedToken;
    }

    /// The focused group of target tokens; `null` when none.
    public ObjectProperty<TokenFocus> focusProperty() {
        return focus;
    }

    /// Bookmarked target tokens.
    public ObservableSet<String> bookmarks() {
        return bookmarks;
    }

    /// Notes per target token; a token without a note has no entry.
    public ObservableMap<String, String> notes() {
        return notes;
    }

    /// Adds `run` (or replaces an open run of the same folder) and makes it current.
    public void openRun(OpenRun run) {
        currentRun.set(addRun(run));
    }

    /// Adds `run` at the end, or replaces the open run of the same folder in place (keeping it
    /// current if it was), without otherwise changing the current run: each change of that makes
    /// the pages reload their figures.
    ///
    /// @return `run`
    public OpenRun addRun(OpenRun run) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).run().directory().equals(run.run().directory())) {
                boolean wasCurrent = runs.get(i).equals(currentRun.get());
                runs.set(i, run);
                if (wasCurrent) {
                    currentRun.set(run);
                }
                return run;
            }
        }
        runs.add(run);
        return run;
    }
}
