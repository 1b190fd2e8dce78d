package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// Every bench report codec reads a report written before `format_version` existed as version 1,
/// and refuses a newer version with a message naming the report.
class BenchReportVersionTest {

    static Stream<Arguments> codecs() {
        return Stream.of(
                Arguments.of("tokenizer", (Function<JsonObject, Object>) TokenizerBenchmarkJson::read,
                        (Function<JsonObject, Object>) o -> TokenizerBenchmarkJson.write(
                                TokenizerBenchmarkJson.read(o))),
                Arguments.of("project", (Function<JsonObject, Object>) ProjectBenchmarkJson::read,
                        (Function<JsonObject, Object>) o -> ProjectBenchmarkJson.write(ProjectBenchmarkJson.read(o))),
                Arguments.of("search", (Function<JsonObject, Object>) SearchBenchmarkJson::read,
                        (Function<JsonObject, Object>) o -> SearchBenchmarkJson.write(SearchBenchmarkJson.read(o))),
                Arguments.of("encode", (Function<JsonObject, Object>) EncodeBenchmarkJson::read,
                        (Function<JsonObject, Object>) o -> EncodeBenchmarkJson.write(EncodeBenchmarkJson.read(o))),
                Arguments.of("init", (Function<JsonObject, Object>) InitBenchmarkJson::read,
                        (Function<JsonObject, Object>) o -> InitBenchmarkJson.write(InitBenchmarkJson.read(o))));
    }

    @ParameterizedTest(name = "bench {0}")
    @MethodSource("codecs")
    void aReportWithoutAVersionReadsAsVersionOne(String name, Function<JsonObject, Object> read,
            Function<JsonObject, Object> readThenWrite) {
        JsonObject unversioned = BenchJsonFixtures.v1(name);
        unversioned.remove("format_version");

        assertEquals(read.apply(BenchJsonFixtures.v1(name)), read.apply(unversioned));
        assertEquals(BenchJsonFixtures.v1(name), readThenWrite.apply(unversioned));
    }

    @ParameterizedTest(name = "bench {0}")
    @MethodSource("codecs")
    void aReportOfANewerVersionIsRefused(String name, Function<JsonObject, Object> read,
            Function<JsonObject, Object> readThenWrite) {
        JsonObject newer = BenchJsonFixtures.v1(name);
        newer.addProperty("format_version", 2);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> read.apply(newer));

        assertEquals("bench " + name + " report: benchmark report format version 2 is newer than this SemBridge reads"
                + " (version 1); it was written by a newer SemBridge, update to read it", e.getMessage());
    }
}
