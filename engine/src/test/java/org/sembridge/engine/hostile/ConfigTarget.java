package org.sembridge.engine.hostile;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/// `config.json` (and `tokenizer_config.json`, `special_tokens_map.json`) of the sample
/// encoder through `sembridge info --model DIR --json`.
///
/// Accepted input is correct when what `info` reports about the architecture matches the
/// checkpoint, which the mutation did not touch: the layer count, hidden and feed-forward
/// sizes, vocabulary size and parameter count equal the pristine folder's, and the token limit
/// is at least 2 and at most the pristine one.
final class ConfigTarget implements HostileReader {

    private static final List<String> SAME_AS_PRISTINE = List.of("layers", "hidden_size", "intermediate_size",
            "vocab_size", "parameters");

    private volatile JsonObject pristine;

    @Override
    public String name() {
        return "config.json (info)";
    }

    @Override
    public int weight() {
        return 9;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        Path model = c.folder().resolve("model");
        ScratchRoot.copyInto(c.scratch().pristine("splade"), model);
        return List.of(MutableFile.of(model.resolve("config.json"), ContentKind.JSON),
                MutableFile.of(model.resolve("tokenizer_config.json"), ContentKind.JSON),
                MutableFile.of(model.resolve("special_tokens_map.json"), ContentKind.JSON));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        CliCall call = CliCall.of("info", "--model", c.folder().resolve("model").toString(), "--json");
        if (call.exitCode() != 0) {
            return call.exited();
        }
        JsonObject info = JsonParser.parseString(call.out()).getAsJsonObject();
        JsonObject expected = pristine(c);
        for (String key : SAME_AS_PRISTINE) {
            InvariantViolation.check(info.get(key).equals(expected.get(key)), "info reports " + key + " = "
                    + info.get(key) + ", the checkpoint has " + expected.get(key));
        }
        int maxTokens = info.get("max_tokens").getAsInt();
        InvariantViolation.check(maxTokens >= 2 && maxTokens <= expected.get("max_tokens").getAsInt(),
                "max_tokens " + maxTokens + " outside 2.." + expected.get("max_tokens"));
        return new Observation.Accepted("info exit 0");
    }

    private JsonObject pristine(HostileCase c) {
        if (pristine == null) {
            pristine = JsonParser.parseString(Fixtures.cli("info", "--model", c.scratch().pristine("splade").toString(),
                    "--json")).getAsJsonObject();
        }
        return pristine;
    }
}
