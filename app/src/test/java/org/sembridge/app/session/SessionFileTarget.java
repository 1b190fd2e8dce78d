package org.sembridge.app.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.google.gson.JsonElement;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.Navigator;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.inspector.InspectorViewModel;
import org.sembridge.app.map.MapViewModel;
import org.sembridge.app.models.ModelsViewModel;
import org.sembridge.app.runs.RunsViewModel;
import org.sembridge.app.search.SearchViewModel;
import org.sembridge.app.shell.ShellViewModel;
import org.sembridge.app.workspace.SessionPart;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.hostile.HostileCase;
import org.sembridge.engine.hostile.HostileReader;
import org.sembridge.engine.hostile.InvariantViolation;
import org.sembridge.engine.hostile.MutableFile;
import org.sembridge.engine.hostile.Observation;
import org.sembridge.engine.hostile.ScratchRoot;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TransferFixtures;
import org.sembridge.engine.workflow.ModelTransfer;

/// A saved workbench session (`*.session.json`) under hostile input: [SessionStore#read] then
/// [SessionStore#apply] on every page's real, toolkit-free session part (shell, workbench
/// state, runs, inspector, map, search), as the workbench restores a session. The saved session
/// has two small runs open (made by the engine's transfer runner from the engine tests' random
/// models, so a case re-opens them in milliseconds).
///
/// A file refused as a whole must be refused with our exception naming it (classified by the
/// engine harness). A file read is correct when every problem line names the file, every part
/// that failed failed with a [SessionFieldException] (a field problem) rather than another
/// runtime error, every error shown in a dialog is one of ours, and the current run (if any)
/// is one of the open runs. The workspace is the case's output folder, so anything the restore
/// writes elsewhere is caught by the harness's sentinel tree.
final class SessionFileTarget implements HostileReader {

    static final String FILE = "hostile" + SessionStore.EXTENSION;

    @Override
    public String name() {
        return "session file";
    }

    @Override
    public int weight() {
        return 1;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        Path file = c.folder().resolve(FILE);
        ScratchRoot.copyInto(c.scratch().pristine(FILE), file);
        return List.of(MutableFile.withPaths(file));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        Path file = c.folder().resolve(FILE);
        Parts parts = new Parts(c.output(), c.scratch().cache());
        SessionStore store = new SessionStore();
        SavedSession session = store.read(file);
        List<String> problems = store.apply(session, parts.watched());
        for (String problem : problems) {
            InvariantViolation.check(problem.startsWith(file.toString()), "problem names no file: " + problem);
        }
        if (!parts.unexpected.isEmpty()) {
            throw parts.unexpected.getFirst();
        }
        for (Throwable error : parts.dialogs.errors) {
            if (!(error instanceof SemBridgeException) && !(error instanceof IOException)) {
                throw error instanceof RuntimeException r ? r : new IllegalStateException(error);
            }
        }
        var current = parts.state.currentRunProperty().get();
        InvariantViolation.check(current == null || parts.state.runs().contains(current),
                "the current run is not one of the open runs");
        return new Observation.Accepted(problems.size() + " part problems, " + parts.state.runs().size() + " runs");
    }

    /// Every page's session part over one fresh workbench state whose workspace is `workspace`;
    /// runs open with the bridge-vector cache under `cache` (where the pristine runs were made).
    static final class Parts {
        final RecordingDialogService dialogs = new RecordingDialogService();
        final WorkbenchState state;
        final List<SessionPart> list;
        final List<RuntimeException> unexpected = new ArrayList<>();

        Parts(Path workspace, Path cache) throws IOException {
            state = new WorkbenchState(Workspace.open(workspace));
            DirectTaskRunner tasks = new DirectTaskRunner();
            ModelsViewModel models = new ModelsViewModel(tasks, dialogs);
            list = List.of(new ShellViewModel(),
                    new WorkbenchStatePart(state, tasks, dialogs, dir -> LoadedRun.open(dir, TransferFixtures.store(cache))),
                    new RunsViewModel(tasks, dialogs, state, models, ModelTransfer.using(TransferFixtures.runner(cache)), Runnable::run),
                    new InspectorViewModel(state, tasks, dialogs,
                            SampleRuns.REPO.resolve("assets").resolve("lexicon").resolve("concepts.tsv")),
                    new MapViewModel(state, tasks, dialogs, Navigator.NONE, Runnable::run),
                    new SearchViewModel(tasks, dialogs, state, Navigator.NONE, SampleRuns.REPO));
        }

        /// The parts, each recording a restore failure that is not a [SessionFieldException].
        List<SessionPart> watched() {
            return list.stream().<SessionPart>map(part -> new SessionPart() {
                @Override
                public String key() {
                    return part.key();
                }

                @Override
                public JsonElement save() {
                    return part.save();
                }

                @Override
                public void restore(JsonElement state) {
                    try {
                        part.restore(state);
                    } catch (SessionFieldException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                        throw e;
                    }
                }
            }).toList();
        }
    }
}
