package org.sembridge.app.session;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sembridge.app.common.DialogService;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.TokenFocus;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.io.FileRelativePath;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.sembridge.engine.workflow.MemoryBudget;
import org.sembridge.engine.workflow.ModelTransfer;
import org.sembridge.engine.workflow.OpenedRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The [SessionPart] of the shared [WorkbenchState] (key `workbench`): the open runs by folder,
/// the current run, the selected token, the focused token group, bookmarks and notes.
///
/// ```json
/// {"runs": ["/ws/runs/ko-sembridge", "/ws/runs/ko-ofa"], "currentRun": "/ws/runs/ko-ofa",
///  "selectedToken": "▁집", "focus": {"label": "query 12: 2 tokens", "tokens": ["▁집", "다"]},
///  "bookmarks": ["▁집"], "notes": {"▁집": "good alignment"}}
/// ```
///
/// Restoring replaces what is saved and keeps what is missing. Bookmarks, notes and the focus
/// are set at once; the runs are re-opened in one background task ("Re-opening N runs"; runs
/// already open are reused), then the current run and the selected token are set, so pages that
/// react to a run change see the token selection afterwards. A run folder that no longer
/// exists is reported at once (field `runs[i]`, with the path); one that exists but cannot be
/// opened, or does not fit the memory left ([#budgetedOpener]), is reported when the task ends,
/// through the [DialogService], with the engine's message. Every other run and field is still
/// restored.
///
/// Then the current run's bridge vectors are read in a second background task ("Preparing the
/// alpha slider"), so the first alpha move after a restore is as fast as any other (reading
/// them takes seconds at a real vocabulary size; only the current run's, to bound memory).
public final class WorkbenchStatePart implements SessionPart {

    /// The part's key in the session file.
    public static final String KEY = "workbench";

    // The part's member names, shared by save and restore.
    private static final String KEY_RUNS = "runs";
    private static final String KEY_CURRENT_RUN = "currentRun";
    private static final String KEY_SELECTED_TOKEN = "selectedToken";
    private static final String KEY_LABEL = "label";
    private static final String KEY_TOKENS = "tokens";
    private static final String KEY_FOCUS = "focus";
    private static final String KEY_BOOKMARKS = "bookmarks";
    private static final String KEY_NOTES = "notes";

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchStatePart.class);

    private final WorkbenchState state;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final RunOpener opener;

    /// @param opener opens a saved run folder on an engine thread ([#defaultOpener()])
    public WorkbenchStatePart(WorkbenchState state, TaskRunner tasks, DialogService dialogs, RunOpener opener) {
        this.state = state;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.opener = opener;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public JsonElement save() {
        JsonObject json = new JsonObject();
        JsonArray runs = new JsonArray();
        state.runs().forEach(run -> runs.add(run.run().directory().toString()));
        json.add(KEY_RUNS, runs);
        OpenRun current = state.currentRunProperty().get();
        json.addProperty(KEY_CURRENT_RUN, current == null ? null : current.run().directory().toString());
        json.addProperty(KEY_SELECTED_TOKEN, state.selectedTokenProperty().get());
        TokenFocus focus = state.focusProperty().get();
        if (focus != null) {
            JsonObject focusJson = new JsonObject();
            focusJson.addProperty(KEY_LABEL, focus.label());
            JsonArray tokens = new JsonArray();
            focus.tokens().forEach(tokens::add);
            focusJson.add(KEY_TOKENS, tokens);
            json.add(KEY_FOCUS, focusJson);
        } else {
            json.add(KEY_FOCUS, null);
        }
        JsonArray bookmarks = new JsonArray();
        new TreeSet<>(state.bookmarks()).forEach(bookmarks::add);
        json.add(KEY_BOOKMARKS, bookmarks);
        JsonObject notes = new JsonObject();
        new TreeMap<>(state.notes()).forEach(notes::addProperty);
        json.add(KEY_NOTES, notes);
        return json;
    }

    @Override
    public void restore(JsonElement saved) {
        restore(saved, Optional.empty());
    }

    /// Restores from a session file: relative run folders resolve against the file's folder.
    @Override
    public void restore(JsonElement saved, Path sessionFile) {
        restore(saved, Optional.of(sessionFile));
    }

    private void restore(JsonElement saved, Optional<Path> sessionFile) {
        SessionPartReader fields = new SessionPartReader(saved);
        fields.strings(KEY_BOOKMARKS).ifPresent(tokens -> {
            state.bookmarks().clear();
            state.bookmarks().addAll(tokens);
        });
        fields.stringMap(KEY_NOTES).ifPresent(notes -> {
            state.notes().clear();
            state.notes().putAll(notes);
        });
        if (fields.has(KEY_FOCUS)) {
            state.focusProperty().set(fields.object(KEY_FOCUS).map(WorkbenchStatePart::focus).orElse(null));
        }
        Optional<String> selected = fields.string(KEY_SELECTED_TOKEN);
        boolean selectionSaved = fields.has(KEY_SELECTED_TOKEN);
        Optional<String> current = fields.string(KEY_CURRENT_RUN);
        Optional<List<String>> runs = fields.strings(KEY_RUNS);
        if (runs.isPresent()) {
            reopen(existingFolders(runs.get(), fields, sessionFile),
                    current.flatMap(text -> path(text, KEY_CURRENT_RUN, fields, sessionFile)), selected, selectionSaved);
        } else if (selectionSaved) {
            state.selectedTokenProperty().set(selected.orElse(null));
        }
        fields.finish();
    }

    private static TokenFocus focus(SessionPartReader focus) {
        String label = focus.string(KEY_LABEL).orElse("");
        List<String> tokens = focus.strings(KEY_TOKENS).orElse(List.of());
        return new TokenFocus(label, tokens);
    }

    /// The saved folders that exist, each once; each missing one, or text that is no path on
    /// this system, is a problem naming its field.
    private static List<Path> existingFolders(List<String> saved, SessionPartReader fields,
            Optional<Path> sessionFile) {
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            Optional<Path> path = path(saved.get(i), "runs[" + i + "]", fields, sessionFile);
            if (path.isEmpty()) {
                continue;
            }
            Path folder = path.get();
            if (folders.contains(folder)) {
                continue;
            }
            if (Files.isDirectory(folder)) {
                folders.add(folder);
            } else {
                fields.report("runs[" + i + "]", "run folder " + folder + " does not exist (moved or deleted?); the other runs are restored");
            }
        }
        return folders;
    }

    /// A saved folder: absolute as saved; relative against the session file's folder (or the
    /// working folder when the state did not come from a file); a problem naming `field` when
    /// the text is no path on this system (a NUL character).
    private static Optional<Path> path(String saved, String field, SessionPartReader fields,
            Optional<Path> sessionFile) {
        try {
            return Optional.of(sessionFile.map(file -> FileRelativePath.resolve(file, saved))
                    .orElseGet(() -> Path.of(saved)));
        } catch (InvalidPathException e) {
            fields.report(field, "not a path: " + e.getMessage());
            return Optional.empty();
        }
    }

    /// Replaces the open runs by `folders` (reusing runs already open), then sets the current
    /// run and the selected token.
    private void reopen(List<Path> folders, Optional<Path> current, Optional<String> selected, boolean selectionSaved) {
        Map<Path, OpenRun> alreadyOpen = new TreeMap<>();
        state.runs().forEach(run -> alreadyOpen.put(run.run().directory(), run));
        state.currentRunProperty().set(null);
        state.runs().clear();
        if (folders.isEmpty()) {
            if (selectionSaved) {
                state.selectedTokenProperty().set(selected.orElse(null));
            }
            return;
        }
        tasks.run("Re-opening " + folders.size() + (folders.size() == 1 ? " run" : " runs"), (progress, cancel) -> {
            List<OpenRun> opened = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < folders.size(); i++) {
                cancel.throwIfCancelled("re-opening the session's runs");
                progress.onProgress("Opening " + folders.get(i).getFileName(), i, folders.size());
                OpenRun open = alreadyOpen.get(folders.get(i));
                try {
                    opened.add(open != null ? open : OpenRun.of(opener.open(folders.get(i))));
                } catch (Exception e) {
                    failures.add(folders.get(i) + ": " + e.getMessage());
                }
            }
            return new Reopened(opened, failures);
        }, reopened -> {
            // Runs are added without changing the current run, which is set once below: each
            // change of it makes the pages reload their figures.
            Map<Path, OpenRun> byDirectory = new LinkedHashMap<>();
            reopened.runs().forEach(run -> byDirectory.put(run.run().directory(), state.addRun(run)));
            Optional<OpenRun> shown = current.map(byDirectory::get)
                    .or(() -> byDirectory.values().stream().reduce((first, second) -> second));
            shown.ifPresent(state.currentRunProperty()::set);
            if (selectionSaved) {
                state.selectedTokenProperty().set(selected.orElse(null));
            }
            if (!reopened.failures().isEmpty()) {
                dialogs.showError("Some runs of the session could not be re-opened", new InputFormatException(
                        "could not re-open " + String.join("; ", reopened.failures())));
            }
            shown.ifPresent(this::prepareAlphaSlider);
        }, error -> {
            if (!(error instanceof OperationCancelledException)) {
                dialogs.showError("Could not re-open the session's runs", error);
            }
        });
    }

    /// Reads the bridge vectors of `run` in the background when its method reads alpha; a
    /// failure is only logged (the slider reports it when moved).
    private void prepareAlphaSlider(OpenRun run) {
        if (!OpenedRun.of(run.run()).canRealign()
                || !InitializerRegistry.describe(run.run().manifest().method()).readsAlpha()) {
            return;
        }
        tasks.run("Preparing the alpha slider of " + run.label(), (progress, cancel) -> {
            progress.onProgress("Reading the bridge vectors of " + run.label(), 0, -1);
            run.run().prepareRealign();
            return run;
        }, prepared -> LOG.debug("Bridge vectors of {} read for the alpha slider", prepared.label()),
                error -> LOG.info("Could not read the bridge vectors of {} ahead of the alpha slider: {}", run.label(),
                        error.getMessage()));
    }

    private record Reopened(List<OpenRun> runs, List<String> failures) {
    }

    /// The workbench's [RunOpener]: [#budgetedOpener] with the default bridge-vector cache and
    /// this JVM's heap.
    public static RunOpener defaultOpener() {
        return budgetedOpener(ModelTransfer.atDefaultLocation());
    }

    /// Opens runs as the runs page does ([ModelTransfer#open]): a run whose estimated heap does
    /// not fit the memory left ([MemoryBudget]) is refused from its `run.json` alone, before
    /// anything else is read, and the restore reports it with the other runs that failed.
    public static RunOpener budgetedOpener(ModelTransfer transfers) {
        return transfers::open;
    }
}
