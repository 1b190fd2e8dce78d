package org.sembridge.engine.workflow;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;

/// The JSON document of a [RunDifference], as `sembridge diff --json` prints it:
///
/// ```
/// {"run_a": {"run": "runs/ko-sembridge", "method": "sembridge", "alpha": 4.0},
///  "run_b": {"run": "runs/ko-ofa", "method": "ofa", "alpha": 4.0},
///  "measure": "jensen_shannon_bits",
///  "target_tokens": 3457, "differing": 3001, "top_source_changes": 1320, "not_comparable": 12,
///  "shown": 20,
///  "tokens": [{"rank": 1, "id": 1234, "token": "▁집", "kind_a": "new", "kind_b": "new",
///              "divergence": 0.93, "top_source_a": "house", "top_source_b": "home",
///              "top_source_changed": true, "support_a": 3, "support_b": 12, "support_change": 9}, ...]}
/// ```
///
/// `divergence` is `null` for a token that is not comparable (a side lists no source token); a
/// missing top source is `""`. One writer, keys in one place; the document is output only (no
/// reader), so it carries no format version.
public final class RunDifferenceJson {

    private RunDifferenceJson() {
    }

    /// The document with the first `top` tokens of the ranking (all when `top` is 0).
    public static JsonObject toJson(RunDifference difference, int top) {
        JsonObject root = new JsonObject();
        root.add("run_a", side(difference.runA()));
        root.add("run_b", side(difference.runB()));
        root.addProperty("measure", "jensen_shannon_bits");
        root.addProperty("target_tokens", difference.targetTokens());
        root.addProperty("differing", difference.differing());
        root.addProperty("top_source_changes", difference.topSourceChanges());
        root.addProperty("not_comparable", difference.notComparable());
        List<TokenDifference> shown = difference.top(top);
        root.addProperty("shown", shown.size());
        JsonArray tokens = new JsonArray();
        shown.forEach(token -> tokens.add(token(token)));
        root.add("tokens", tokens);
        return root;
    }

    /// One token's row as it appears in `tokens`.
    public static JsonObject token(TokenDifference token) {
        JsonObject row = new JsonObject();
        row.addProperty("rank", token.rank());
        row.addProperty("id", token.id());
        row.addProperty("token", token.token());
        row.addProperty("kind_a", token.kindA().jsonName());
        row.addProperty("kind_b", token.kindB().jsonName());
        if (token.comparable()) {
            row.addProperty("divergence", token.divergenceBits());
        } else {
            row.add("divergence", JsonNull.INSTANCE);
        }
        row.addProperty("top_source_a", token.topSourceA());
        row.addProperty("top_source_b", token.topSourceB());
        row.addProperty("top_source_changed", token.topSourceChanged());
        row.addProperty("support_a", token.supportA());
        row.addProperty("support_b", token.supportB());
        row.addProperty("support_change", token.supportChange());
        return row;
    }

    private static JsonObject side(RunDifference.Side side) {
        JsonObject run = new JsonObject();
        run.addProperty("run", side.folder().toString());
        run.addProperty("method", side.method());
        run.addProperty("alpha", side.alpha());
        return run;
    }
}
