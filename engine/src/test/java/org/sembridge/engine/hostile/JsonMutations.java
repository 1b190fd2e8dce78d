package org.sembridge.engine.hostile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/// Structure-aware mutations of one JSON document: a value swapped for another type, a huge
/// number or string, deep nesting, a deleted, duplicated or unknown key, array elements
/// duplicated or removed, a path-escape string, another root.
///
/// Values are placed as raw text (through a placeholder), so the document may get what Gson
/// would never write: `NaN`, `1e999`, a key twice, 100,000 nested arrays.
final class JsonMutations {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    private static final String PLACEHOLDER = "@@HOSTILE@@";
    private static final String DUPLICATE_KEY = "@@HOSTILE-KEY@@";

    /// Raw JSON values that a typed reader must refuse or handle.
    private static final List<String> RAW_VALUES = List.of("null", "true", "false", "0", "-1", "1.5", "-0",
            "1e999", "-1e999", "NaN", "Infinity", "9223372036854775808", "2147483648", "-2147483649", "1e308",
            "4294967297", "\"\"", "\" \"", "\"x\"", "\"-1\"", "\"\\u0000\"", "[]", "{}", "[null]", "[1,2,3]",
            "[\"a\",\"b\"]", "{\"a\":1}", "[[]]", "0.0000001", "123456789012345678901234567890");

    /// One node of the document: where it sits and its value.
    private record Node(JsonElement parent, String key, int index, JsonElement value, String path) {
    }

    private JsonMutations() {
    }

    /// Mutates `text`, or returns `null` when it is not a JSON document.
    ///
    /// @param pathValued whether string values name paths (escapes are then aimed at them)
    /// @param escapes the payloads for path values; `from` is the folder the file is in
    static Mutated apply(String text, Random random, boolean pathValued, EscapePayloads escapes, Path from)
            throws IOException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
        if (root == null || text.contains(PLACEHOLDER)) {
            return null;
        }
        List<Node> nodes = new ArrayList<>();
        collect(null, null, -1, root, "$", nodes);
        int choice = random.nextInt(pathValued ? 12 : 11);
        if (choice >= 10 || choice == 9 && pathValued) {
            List<Node> strings = nodes.stream()
                    .filter(n -> n.value().isJsonPrimitive() && n.value().getAsJsonPrimitive().isString()).toList();
            if (!strings.isEmpty()) {
                Node node = strings.get(random.nextInt(strings.size()));
                String payload = escapes.pick(random, from);
                return place(root, node, GSON.toJson(payload), "json-path-escape", node.path() + " = " + payload);
            }
        }
        Node node = nodes.get(random.nextInt(nodes.size()));
        return switch (choice) {
            case 0, 1 -> {
                String raw = RAW_VALUES.get(random.nextInt(RAW_VALUES.size()));
                yield place(root, node, raw, "json-type-swap", node.path() + " = " + raw);
            }
            case 2 -> {
                String raw = "\"" + "a".repeat((1 << 20) + random.nextInt(1 << 20)) + "\"";
                yield place(root, node, raw, "json-huge-string", node.path() + " = " + (raw.length() - 2) + " chars");
            }
            case 3 -> {
                int depth = random.nextBoolean() ? 300 : 100_000;
                String raw = "[".repeat(depth) + "]".repeat(depth);
                yield place(root, node, raw, "json-deep-nesting", node.path() + " = " + depth + " nested arrays");
            }
            case 4 -> delete(root, node, random);
            case 5 -> duplicateKey(root, nodes, random);
            case 6 -> unknownKey(root, nodes, random);
            case 7 -> arrayEdit(root, nodes, random);
            case 8 -> {
                String raw = List.of("[]", "{}", "null", "\"text\"", "42", "[" + GSON.toJson(root) + "]", "")
                        .get(random.nextInt(7));
                yield new Mutated("json-root-swap", "root = " + abbreviate(raw), raw.getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                String raw = List.of("\"\"", "\"  \"", "\"\\u0000\"", "\"\\t\\n\"", "\"\\ud800\"",
                        "\"" + "\u202e\u0301".repeat(1000) + "\"", "\"" + "x".repeat(70_000) + "\"").get(random.nextInt(7));
                yield place(root, node, raw, "json-odd-string", node.path() + " = " + abbreviate(raw));
            }
        };
    }

    private static void collect(JsonElement parent, String key, int index, JsonElement value, String path,
            List<Node> into) {
        into.add(new Node(parent, key, index, value, path));
        if (into.size() > 20_000) {
            return;
        }
        if (value.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
                collect(value, e.getKey(), -1, e.getValue(), path + "." + e.getKey(), into);
            }
        } else if (value.isJsonArray()) {
            JsonArray array = value.getAsJsonArray();
            for (int i = 0; i < array.size() && i < 50; i++) {
                collect(value, null, i, array.get(i), path + "[" + i + "]", into);
            }
        }
    }

    /// The document with `node`'s value replaced by the raw JSON text `raw`.
    private static Mutated place(JsonElement root, Node node, String raw, String family, String detail) {
        if (node.parent() == null) {
            return new Mutated(family, detail, raw.getBytes(StandardCharsets.UTF_8));
        }
        set(node, new JsonPrimitive(PLACEHOLDER));
        String text = GSON.toJson(root).replace("\"" + PLACEHOLDER + "\"", raw);
        set(node, node.value());
        return new Mutated(family, detail, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void set(Node node, JsonElement value) {
        if (node.parent() instanceof JsonObject object) {
            object.add(node.key(), value);
        } else {
            node.parent().getAsJsonArray().set(node.index(), value);
        }
    }

    private static Mutated delete(JsonElement root, Node node, Random random) {
        if (node.parent() == null) {
            return new Mutated("json-delete", "whole document removed", new byte[0]);
        }
        JsonElement copy = root.deepCopy();
        Node inCopy = find(copy, node.path());
        if (inCopy == null) {
            return new Mutated("json-delete", "nothing at " + node.path(), GSON.toJson(root).getBytes(StandardCharsets.UTF_8));
        }
        if (inCopy.parent() instanceof JsonObject object) {
            object.remove(inCopy.key());
        } else {
            inCopy.parent().getAsJsonArray().remove(inCopy.index());
        }
        return new Mutated("json-delete", node.path() + " removed", GSON.toJson(copy).getBytes(StandardCharsets.UTF_8));
    }

    private static Node find(JsonElement root, String path) {
        List<Node> nodes = new ArrayList<>();
        collect(null, null, -1, root, "$", nodes);
        return nodes.stream().filter(n -> n.path().equals(path)).findFirst().orElse(null);
    }

    private static Mutated duplicateKey(JsonElement root, List<Node> nodes, Random random) {
        List<Node> members = nodes.stream().filter(n -> n.parent() instanceof JsonObject).toList();
        if (members.isEmpty()) {
            return unknownKey(root, nodes, random);
        }
        Node member = members.get(random.nextInt(members.size()));
        JsonObject object = member.parent().getAsJsonObject();
        String raw = random.nextBoolean() ? RAW_VALUES.get(random.nextInt(RAW_VALUES.size())) : GSON.toJson(member.value());
        object.add(DUPLICATE_KEY, new JsonPrimitive(PLACEHOLDER));
        String text = GSON.toJson(root).replace("\"" + DUPLICATE_KEY + "\"", GSON.toJson(member.key()))
                .replace("\"" + PLACEHOLDER + "\"", raw);
        object.remove(DUPLICATE_KEY);
        return new Mutated("json-duplicate-key", member.path() + " again = " + abbreviate(raw),
                text.getBytes(StandardCharsets.UTF_8));
    }

    private static Mutated unknownKey(JsonElement root, List<Node> nodes, Random random) {
        List<Node> objects = nodes.stream().filter(n -> n.value().isJsonObject()).toList();
        if (objects.isEmpty()) {
            return new Mutated("json-unknown-key", "no object: document wrapped",
                    ("{\"unexpected\":" + GSON.toJson(root) + "}").getBytes(StandardCharsets.UTF_8));
        }
        Node node = objects.get(random.nextInt(objects.size()));
        String key = List.of("unexpected", "__proto__", "", "path", "../x", "\u0000").get(random.nextInt(6));
        String raw = RAW_VALUES.get(random.nextInt(RAW_VALUES.size()));
        JsonObject object = node.value().getAsJsonObject();
        boolean existed = object.has(key);
        JsonElement old = object.get(key);
        object.add(key, new JsonPrimitive(PLACEHOLDER));
        String text = GSON.toJson(root).replace("\"" + PLACEHOLDER + "\"", raw);
        if (existed) {
            object.add(key, old);
        } else {
            object.remove(key);
        }
        return new Mutated("json-unknown-key", node.path() + "." + key + " = " + raw, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Mutated arrayEdit(JsonElement root, List<Node> nodes, Random random) {
        List<Node> arrays = nodes.stream().filter(n -> n.value().isJsonArray() && !n.value().getAsJsonArray().isEmpty())
                .toList();
        if (arrays.isEmpty()) {
            Node node = nodes.get(random.nextInt(nodes.size()));
            return place(root, node, "[]", "json-array-edit", node.path() + " = []");
        }
        Node node = arrays.get(random.nextInt(arrays.size()));
        JsonArray array = node.value().getAsJsonArray();
        JsonArray edited = new JsonArray();
        String what;
        switch (random.nextInt(3)) {
            case 0 -> {
                what = "emptied";
            }
            case 1 -> {
                array.forEach(edited::add);
                JsonElement first = array.get(random.nextInt(array.size()));
                int copies = 1 + random.nextInt(60);
                for (int i = 0; i < copies; i++) {
                    edited.add(first.deepCopy());
                }
                what = copies + " duplicated elements";
            }
            default -> {
                array.forEach(edited::add);
                edited.remove(random.nextInt(edited.size()));
                what = "one element removed";
            }
        }
        return place(root, node, GSON.toJson(edited), "json-array-edit", node.path() + " " + what);
    }

    static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
