package org.sembridge.app.session;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.Formats;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.engine.InputFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The session commands of the workbench header: save (Ctrl+S), save as (Ctrl+Shift+S), open
/// (Ctrl+O), the recent sessions, autosave and "restore last session".
///
/// The session is the state of every registered [SessionPart] (the live list `parts`, which
/// `WorkbenchApp` fills, one line per page). The state is collected on the FX thread and
/// written on an engine thread through the [TaskRunner]; opening reads and checks the file on
/// an engine thread and restores the parts on the FX thread.
///
/// Autosave: [#autosave] (the window calls it every two minutes) writes
/// `sessions/autosave.session.json` in the background when the state changed since the last
/// autosave; [#autosaveNow] writes it synchronously on exit. At start, [#keepPreviousAutosave]
/// moves the last autosave to `autosave-previous.session.json` before anything can overwrite it
/// and offers it through [#previousSessionProperty]: [#restorePrevious] restores it,
/// [#dismissPrevious] hides the offer. So neither a crash nor a close loses more than two
/// minutes of work.
public final class SessionViewModel {

    /// The name of the autosaved session.
    public static final String AUTOSAVE = "autosave";

    /// The name the previous run's autosave is kept under at start.
    public static final String PREVIOUS = "autosave-previous";

    /// How many sessions the recent list shows.
    static final int RECENT_LIMIT = 10;

    private static final Logger LOG = LoggerFactory.getLogger(SessionViewModel.class);

    private final Path folder;
    private final List<SessionPart> parts;
    private final SessionStore store;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final SessionDialogs files;
    private final ReadOnlyObjectWrapper<Path> currentFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> previousSession = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final List<Path> touched = new ArrayList<>();
    private JsonObject lastAutosaved;

    /// @param folder the workspace's `sessions/` folder
    /// @param parts the live list of session parts; read at each save and restore
    public SessionViewModel(Path folder, List<SessionPart> parts, SessionStore store, TaskRunner tasks,
            DialogService dialogs, SessionDialogs files) {
        this.folder = folder;
        this.parts = parts;
        this.store = store;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.files = files;
        refreshRecent();
    }

    /// The file the session was last saved to or opened from; `null` until then.
    public ReadOnlyObjectProperty<Path> currentFileProperty() {
        return currentFile.getReadOnlyProperty();
    }

    /// The previous run's autosave, offered for restoring; `null` when there is none or the offer
    /// was taken or dismissed.
    public ReadOnlyObjectProperty<Path> previousSessionProperty() {
        return previousSession.getReadOnlyProperty();
    }

    /// What the last session command did, for the status bar: `Saved session demo (2.1 KiB)`.
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /// Whether a save or open is in progress (the buttons are disabled meanwhile).
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /// Session files, most recent first, at most ten: those saved or opened in this run, then the
    /// other files of the sessions folder by modification time.
    public ObservableList<Path> recentSessions() {
        return FXCollections.unmodifiableObservableList(recent);
    }

    /// Saves to the current file, or asks for one ([#saveAs]) when there is none yet.
    public void save() {
        Path file = currentFile.get();
        if (file == null || isAutosave(file)) {
            saveAs();
        } else {
            saveTo(file);
        }
    }

    /// Asks for a file name (in the sessions folder) and saves there.
    public void saveAs() {
        String suggested = currentFile.get() == null || isAutosave(currentFile.get())
                ? "session-" + Instant.now().toString().substring(0, 10)
                : SessionStore.nameOf(currentFile.get());
        files.chooseSessionToSave(folder, suggested).map(SessionViewModel::withExtension).ifPresent(this::saveTo);
    }

    /// Saves the session to `file` in the background; on success it becomes the current file.
    public void saveTo(Path file) {
        List<String> problems = new ArrayList<>();
        String document = store.render(store.snapshot(parts, problems), Instant.now());
        busy.set(true);
        tasks.run("Saving session " + SessionStore.nameOf(file), (progress, cancel) -> store.write(file, document),
                bytes -> {
                    busy.set(false);
                    currentFile.set(file);
                    remember(file);
                    status.set("Saved session " + SessionStore.nameOf(file) + " (" + Formats.bytes(bytes) + ")");
                    LOG.info("Saved session {} ({} parts, {} bytes)", file, parts.size(), bytes);
                    reportSaveProblems(file, problems);
                }, error -> {
                    busy.set(false);
                    dialogs.showError("Could not save the session to " + file, error);
                });
    }

    /// Asks for a session file and restores it.
    public void open() {
        files.chooseSessionToOpen(folder).ifPresent(this::open);
    }

    /// Restores the session in `file`: reads and checks it in the background, then restores each
    /// part. A file that cannot be used as a whole (bad JSON, newer version) changes nothing and
    /// is reported with the file and position; problems of single parts are reported together
    /// after the others were restored. A restored session replaces the "Restore last session"
    /// offer (restoring that one too would overwrite what the user chose).
    public void open(Path file) {
        busy.set(true);
        tasks.run("Opening session " + SessionStore.nameOf(file), (progress, cancel) -> store.read(file),
                saved -> {
                    busy.set(false);
                    previousSession.set(null);
                    List<String> problems = store.apply(saved, parts);
                    if (!isAutosave(file)) {
                        currentFile.set(file);
                    }
                    remember(file);
                    status.set("Restored " + describe(file)
                            + (problems.isEmpty() ? "" : " with " + problems.size() + " problem(s)"));
                    if (!problems.isEmpty()) {
                        dialogs.showError("Session " + SessionStore.nameOf(file) + " restored with problems",
                                new InputFormatException(String.join("\n", problems)));
                    }
                }, error -> {
                    busy.set(false);
                    dialogs.showError("Could not open the session " + file, error);
                });
    }

    /// Writes the autosave in the background when the state changed since the last autosave;
    /// failures are logged, not shown (the next autosave tries again, exit reports).
    public void autosave() {
        List<String> problems = new ArrayList<>();
        JsonObject states = store.snapshot(parts, problems);
        if (states.equals(lastAutosaved)) {
            return;
        }
        String document = store.render(states, Instant.now());
        Path file = SessionStore.fileOf(folder, AUTOSAVE);
        tasks.run("Autosaving session", (progress, cancel) -> store.write(file, document), bytes -> {
            lastAutosaved = states;
            LOG.debug("Autosaved {} ({} bytes)", file, bytes);
        }, error -> LOG.warn("Autosave to {} failed: {}", file, error.getMessage(), error));
    }

    /// Writes the autosave now, on the calling thread (on exit, when the engine threads stop).
    ///
    /// @throws IOException when it cannot be written (the caller logs it: the window is closing)
    public void autosaveNow() throws IOException {
        Path file = SessionStore.fileOf(folder, AUTOSAVE);
        List<String> problems = store.save(file, parts);
        problems.forEach(problem -> LOG.warn("Autosave {}: {}", file, problem));
    }

    /// At start: moves the previous run's autosave aside (to `autosave-previous.session.json`) so
    /// this run's autosaves cannot overwrite it, and offers it for restoring. An earlier kept
    /// autosave is offered when this start found none.
    public void keepPreviousAutosave() {
        Path autosave = SessionStore.fileOf(folder, AUTOSAVE);
        Path previous = SessionStore.fileOf(folder, PREVIOUS);
        try {
            if (Files.isRegularFile(autosave)) {
                Files.move(autosave, previous, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            LOG.warn("Could not keep the last autosave {} as {}: {}", autosave, previous, e.getMessage(), e);
        }
        previousSession.set(Files.isRegularFile(previous) ? previous : null);
        refreshRecent();
    }

    /// Restores the previous run's autosave (the "Restore last session" offer).
    public void restorePrevious() {
        Path previous = previousSession.get();
        if (previous != null) {
            previousSession.set(null);
            open(previous);
        }
    }

    /// Hides the "Restore last session" offer; the file stays in the sessions folder.
    public void dismissPrevious() {
        previousSession.set(null);
    }

    /// Re-reads the sessions folder for [#recentSessions].
    public void refreshRecent() {
        List<Path> files = new ArrayList<>(touched);
        try (Stream<Path> listing = Files.list(folder)) {
            listing.filter(path -> path.getFileName().toString().endsWith(SessionStore.EXTENSION))
                    .filter(Files::isRegularFile)
                    .map(path -> path.toAbsolutePath().normalize())
                    .sorted(Comparator.comparing(SessionViewModel::modified).reversed())
                    .forEach(files::add);
        } catch (IOException e) {
            LOG.debug("Could not list the sessions folder {}: {}", folder, e.getMessage());
        }
        recent.setAll(files.stream().distinct().limit(RECENT_LIMIT).toList());
    }

    private void remember(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        touched.remove(absolute);
        touched.addFirst(absolute);
        refreshRecent();
    }

    private void reportSaveProblems(Path file, List<String> problems) {
        if (!problems.isEmpty()) {
            dialogs.showError("Session " + SessionStore.nameOf(file) + " saved without some parts",
                    new IllegalStateException(String.join("\n", problems)));
        }
    }

    /// How the status line names a restored session: the autosaves by what they are ("the last
    /// session", not "session autosave-previous"), others by name.
    static String describe(Path file) {
        return switch (SessionStore.nameOf(file)) {
            case PREVIOUS -> "the last session";
            case AUTOSAVE -> "this session's autosave";
            default -> "session " + SessionStore.nameOf(file);
        };
    }

    private static boolean isAutosave(Path file) {
        String name = SessionStore.nameOf(file);
        return AUTOSAVE.equals(name) || PREVIOUS.equals(name);
    }

    private static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SessionStore.EXTENSION) ? file
                : file.resolveSibling(name.endsWith(".json")
                        ? name.substring(0, name.length() - 5) + SessionStore.EXTENSION
                        : name + SessionStore.EXTENSION);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
