package org.sembridge.app.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.TokenFocus;
import org.sembridge.engine.hostile.HarnessReport;
import org.sembridge.engine.hostile.HostileInputHarness;
import org.sembridge.engine.hostile.ScratchRoot;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TransferFixtures;
import org.sembridge.engine.run.TransferRequest;

/// The session file under the engine's hostile-input harness (same mutation core, runner,
/// classification and sentinel checks; see `org.sembridge.engine.hostile`): a real saved
/// session (two runs open, a selected token, focus, bookmarks, notes) is mutated and restored
/// into every page's session part ([SessionFileTarget]).
///
/// Default: 300 cases, seed 20261206. Options: `hostile.session.cases`, `hostile.seed`,
/// `hostile.case` (rerun one case), `hostile.timeout.seconds`.
class SessionFileHostileTest {

    @Test
    void everyHostileSessionFileEndsInACleanErrorOrACorrectRestore() throws Exception {
        long seed = Long.getLong("hostile.seed", 20261206L);
        int cases = Integer.getInteger("hostile.session.cases", 300);
        Integer only = Integer.getInteger("hostile.case");
        ScratchRoot scratch = ScratchRoot.create(Path.of("target", "hostile-session").toAbsolutePath());
        writePristineSession(scratch);

        HostileInputHarness harness = new HostileInputHarness(scratch, List.of(new SessionFileTarget()),
                Long.getLong("hostile.timeout.seconds", 10));
        HarnessReport report = only != null ? harness.run(seed, only, 1) : harness.run(seed, 0, cases);

        report.print(System.out);
        report.failures().stream().limit(100).forEach(f -> System.out.println("  FAIL " + f));
        assertTrue(report.failures().isEmpty(), report.failures().size() + " of " + report.cases()
                + " hostile session cases failed (seed " + seed + "); first: "
                + report.failures().stream().limit(5).toList());
    }

    /// Two small runs (sembridge, mean) and a session that has them open, a selected token,
    /// focus, bookmarks and notes, saved by the real parts.
    private static void writePristineSession(ScratchRoot scratch) throws Exception {
        Path models = scratch.pristine("models");
        Path source = TransferFixtures.source(models, "source", "bert");
        Path bridge = TransferFixtures.bridge(models);
        Path target = TransferFixtures.targetTokenizer(models);
        List<OpenRun> runs = new ArrayList<>();
        for (String method : List.of("sembridge", "mean")) {
            Path out = scratch.pristine("runs").resolve(method);
            TransferFixtures.runner(scratch.cache()).run(TransferRequest.builder(source, target, method, out)
                    .optBridge(bridge).build(), ProgressListener.NONE, CancellationToken.create());
            runs.add(OpenRun.of(LoadedRun.open(out, TransferFixtures.store(scratch.cache()))));
        }
        SessionFileTarget.Parts parts = new SessionFileTarget.Parts(scratch.root().resolve("pristine-workspace"),
                scratch.cache());
        runs.forEach(parts.state::openRun);
        parts.state.currentRunProperty().set(runs.getFirst());
        parts.state.selectedTokenProperty().set("katze");
        parts.state.focusProperty().set(new TokenFocus("query 12: 2 tokens", List.of("katze", "hund")));
        parts.state.bookmarks().addAll(Set.of("katze", "##en"));
        parts.state.notes().put("katze", "good: \"cat\"");
        List<String> problems = new SessionStore().save(scratch.pristine(SessionFileTarget.FILE), parts.list);
        assertTrue(problems.isEmpty(), problems.toString());
    }
}
