package org.sembridge.engine.workflow;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.AlignmentsFile;

/// The JSON document of one inspected target token, as `sembridge inspect --json` prints it and
/// the inspector's "Copy as JSON" copies it:
///
/// ```
/// {"run": "runs/ko-sembridge", "method": "sembridge", "alpha": 4.0, "realigned": false,
///  "token": {...the token's alignments.jsonl object...}}
/// ```
public final class InspectedTokenJson {

    private InspectedTokenJson() {
    }

    /// The document of `shown`, a token of the run folder `run` made with `method`.
    public static JsonObject toJson(Path run, String method, InspectedToken shown) {
        JsonObject root = new JsonObject();
        root.addProperty("run", run.toString());
        root.addProperty("method", method);
        root.addProperty("alpha", shown.alpha());
        root.addProperty("realigned", shown.realigned());
        root.add("token", record(shown.record()));
        return root;
    }

    /// A record as its `alignments.jsonl` object.
    public static JsonObject record(AlignmentRecord record) {
        return JsonParser.parseString(AlignmentsFile.toJson(record)).getAsJsonObject();
    }
}
