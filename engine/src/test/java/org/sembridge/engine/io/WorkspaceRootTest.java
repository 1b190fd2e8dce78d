package org.sembridge.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Where the workspace is (and so the default output of `sembridge experiment`): the environment
/// variable, else a folder in the home, never the working directory.
class WorkspaceRootTest {

    static Stream<Arguments> environments() {
        return Stream.of(
                Arguments.of(Map.of("SEMBRIDGE_WORKSPACE", "/data/work"), "/data/work"),
                Arguments.of(Map.of("SEMBRIDGE_WORKSPACE", "  "), "/home/ada/sembridge-workspace"),
                Arguments.of(Map.of(), "/home/ada/sembridge-workspace"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("environments")
    void theEnvironmentVariableWinsElseTheHomeFolder(Map<String, String> environment, String expected) {
        assertEquals(Path.of(expected), WorkspaceRoot.resolve(environment, "/home/ada"));
    }
}
