package org.sembridge.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.common.BackgroundWork;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.common.TaskHandle;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.shell.ShellViewModel;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.InputFormatException;

/// The session commands without a toolkit: save asks for a name once, autosave writes only
/// changes, the last autosave is kept aside and offered at start, and a bad file is reported.
class SessionViewModelTest {

    @TempDir
    Path folder;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final ShellViewModel shell = new ShellViewModel();
    private final List<String> taskTitles = new ArrayList<>();
    private WorkbenchState state;
    private Path sessions;
    private Path nextChoice;
    private SessionViewModel viewModel;

    @BeforeEach
    void create() throws IOException {
        state = new WorkbenchState(Workspace.open(folder));
        sessions = state.workspace().sessions();
        viewModel = newViewModel();
    }

    private SessionViewModel newViewModel() {
        List<SessionPart> parts = List.of(shell, new WorkbenchStatePart(state, new DirectTaskRunner(), dialogs,
                WorkbenchStatePart.defaultOpener()));
        TaskRunner counting = new TaskRunner() {
            @Override
            public <T> TaskHandle run(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
                    Consumer<Throwable> onFailure) {
                taskTitles.add(title);
                return new DirectTaskRunner().run(title, work, onSuccess, onFailure);
            }
        };
        SessionDialogs files = new SessionDialogs() {
            @Override
            public Optional<Path> chooseSessionToSave(Path start, String suggestedName) {
                return Optional.ofNullable(nextChoice);
            }

            @Override
            public Optional<Path> chooseSessionToOpen(Path start) {
                return Optional.ofNullable(nextChoice);
            }
        };
        return new SessionViewModel(sessions, parts, new SessionStore(), counting, dialogs, files);
    }

    @Test
    void saveAsksForANameOnceThenSavesToTheSameFile() {
        nextChoice = sessions.resolve("talk");
        viewModel.save();
        nextChoice = null;
        shell.darkThemeProperty().set(true);
        viewModel.save();

        Path file = sessions.resolve("talk.session.json");
        assertEquals(file, viewModel.currentFileProperty().get());
        assertTrue(Files.isRegularFile(file));
        assertTrue(viewModel.statusProperty().get().startsWith("Saved session talk ("), viewModel.statusProperty().get());
        assertEquals(List.of("Saving session talk", "Saving session talk"), taskTitles);
        assertEquals(file, viewModel.recentSessions().getFirst());
    }

    @Test
    void autosaveWritesOnlyWhenTheStateChanged() {
        viewModel.autosave();
        viewModel.autosave();
        state.bookmarks().add("▁집");
        viewModel.autosave();

        assertEquals(List.of("Autosaving session", "Autosaving session"), taskTitles);
        assertTrue(Files.isRegularFile(sessions.resolve("autosave.session.json")));
    }

    @Test
    void theLastAutosaveIsKeptAsideAndOfferedForRestoring() throws IOException {
        state.bookmarks().add("▁집");
        shell.currentPageProperty().set("map");
        viewModel.autosaveNow();
        state.bookmarks().clear();
        shell.currentPageProperty().set("models");

        SessionViewModel nextStart = newViewModel();
        nextStart.keepPreviousAutosave();
        nextStart.autosave();
        Path offered = nextStart.previousSessionProperty().get();
        nextStart.restorePrevious();

        assertEquals(sessions.resolve("autosave-previous.session.json"), offered);
        assertEquals(Set.of("▁집"), state.bookmarks());
        assertEquals("map", shell.currentPageProperty().get());
        assertNull(nextStart.previousSessionProperty().get());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void noAutosaveMeansNoOffer() {
        viewModel.keepPreviousAutosave();

        assertNull(viewModel.previousSessionProperty().get());
    }

    @Test
    void aMalformedFileIsReportedAndChangesNothing() throws IOException {
        Path file = Files.writeString(sessions.resolve("broken.session.json"), "{\"format\": ");
        shell.darkThemeProperty().set(true);

        viewModel.open(file);

        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.getFirst() instanceof InputFormatException);
        assertTrue(dialogs.errors.getFirst().getMessage().contains(file.toString()), dialogs.errors.getFirst().getMessage());
        assertTrue(shell.darkThemeProperty().get());
        assertFalse(viewModel.busyProperty().get());
        assertNull(viewModel.currentFileProperty().get());
    }

    @Test
    void problemsOfSinglePartsAreShownTogetherAfterTheRestIsRestored() throws IOException {
        Path file = Files.writeString(sessions.resolve("odd.session.json"), """
                {"format": "sembridge-workbench-session", "version": 1, "parts": {
                  "shell": {"theme": "sepia", "page": "search"},
                  "workbench": {"runs": ["%s"], "bookmarks": ["▁집"]}}}
                """.formatted(folder.resolve("gone").toString().replace("\\", "\\\\")));

        viewModel.open(file);

        assertEquals(1, dialogs.errors.size());
        String message = dialogs.errors.getFirst().getMessage();
        assertTrue(message.contains("theme") && message.contains("sepia") && message.contains("runs[0]")
                && message.contains("gone"), message);
        assertEquals("search", shell.currentPageProperty().get());
        assertEquals(Set.of("▁집"), state.bookmarks());
        assertTrue(viewModel.statusProperty().get().endsWith("with 2 problem(s)"), viewModel.statusProperty().get());
    }
}
