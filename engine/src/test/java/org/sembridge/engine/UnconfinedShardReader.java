package org.sembridge.engine;

import java.nio.file.Path;
import java.util.Map;

import com.google.gson.JsonObject;

/// Test fixture for [ArchitectureTest]: the shard lookup as it was before `FolderConfinement`
/// (a `weight_map` value resolved by hand), which the content-path rule must refuse.
final class UnconfinedShardReader {

    private UnconfinedShardReader() {
    }

    static Path shard(Path index, JsonObject weightMap, String tensor) {
        return index.resolveSibling(weightMap.get(tensor).getAsString());
    }

    static Path viaHelper(Path folder, JsonObject module) {
        return folder.resolve(path(module));
    }

    static Path constantNamesAreFine(Path folder, JsonObject config) {
        return config.get("x").getAsString().isEmpty() ? folder.resolve("config.json") : folder;
    }

    static Map<String, Path> inALambda(Path folder, JsonObject map) {
        return Map.of("a", map.entrySet().stream().map(e -> folder.resolve(e.getValue().getAsString())).findFirst()
                .orElse(folder));
    }

    private static String path(JsonObject module) {
        return module.get("path").getAsString();
    }
}
