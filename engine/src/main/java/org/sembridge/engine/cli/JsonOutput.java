package org.sembridge.engine.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import java.io.PrintWriter;

/// Prints one JSON document per command invocation (the `--json` contract): pretty-printed,
/// non-finite numbers allowed as `NaN`/`Infinity` never occur because the engine rejects them.
final class JsonOutput {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private JsonOutput() {
    }

    static void print(PrintWriter out, JsonElement document) {
        out.println(GSON.toJson(document));
        out.flush();
    }
}
