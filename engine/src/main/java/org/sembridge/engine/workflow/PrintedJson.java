package org.sembridge.engine.workflow;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/// The text of a JSON document as the command line prints it with `--json` and the workbench
/// copies it to the clipboard: pretty-printed (two-space indent), non-ASCII and HTML characters
/// as they are, `null` members kept.
public final class PrintedJson {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private PrintedJson() {
    }

    /// `document` as text, without a trailing line end.
    public static String of(JsonElement document) {
        return GSON.toJson(document);
    }
}
