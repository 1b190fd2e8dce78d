package org.sembridge.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.app.SampleRuns;
import org.sembridge.app.common.DirectTaskRunner;
import org.sembridge.app.common.RecordingDialogService;
import org.sembridge.app.workspace.OpenRun;
import org.sembridge.app.workspace.WorkbenchState;
import org.sembridge.app.workspace.Workspace;
import org.sembridge.engine.cli.SemBridgeCli;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TargetTokenKind;

/// "Copy as JSON" of the inspector's token detail: the text is what `sembridge inspect --json`
/// prints for the same run and token, and a re-aligned detail says so.
class TokenDetailJsonTest {

    @TempDir
    Path temp;

    private final RecordingDialogService dialogs = new RecordingDialogService();

    private TokenDetailViewModel open(LoadedRun run, String token) {
        WorkbenchState state = new WorkbenchState(new Workspace(temp));
        TokenDetailViewModel detail = new TokenDetailViewModel(state, state.currentRunProperty(), new DirectTaskRunner(), dialogs);
        state.openRun(OpenRun.of(run));
        state.selectedTokenProperty().set(token);
        return detail;
    }

    private static String builtToken(LoadedRun run) {
        return run.targetTokens().get(run.idsOfKind(TargetTokenKind.NEW)[3]);
    }

    @Test
    void copiedDetailIsWhatInspectJsonPrints() {
        LoadedRun run = SampleRuns.korean("sembridge");
        String token = builtToken(run);
        TokenDetailViewModel detail = open(run, token);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SemBridgeCli.run(new String[] {"inspect", "--run", run.directory().toString(), "--token", token,
                "--json"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertEquals(out.toString().strip(), detail.detailJson().orElseThrow());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aReAlignedDetailIsCopiedWithItsAlpha() {
        LoadedRun run = SampleRuns.korean("sembridge");
        TokenDetailViewModel detail = open(run, builtToken(run));
        detail.alphaProperty().set(2.0);

        JsonObject copied = JsonParser.parseString(detail.detailJson().orElseThrow()).getAsJsonObject();
        assertTrue(copied.get("realigned").getAsBoolean());
        assertEquals(2.0, copied.get("alpha").getAsDouble());
        assertEquals(builtToken(run), copied.getAsJsonObject("token").get("token").getAsString());
    }

    @Test
    void nothingIsCopiedWithoutAToken() {
        TokenDetailViewModel detail = open(SampleRuns.korean("sembridge"), null);
        assertTrue(detail.detailJson().isEmpty());
    }
}
