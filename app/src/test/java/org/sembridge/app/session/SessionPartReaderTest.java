package org.sembridge.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sembridge.engine.run.BiasMode;

/// A problem line of the session reader stays short whatever the size of the value it refuses: a
/// hostile session file with a 64 KiB value once produced a 64 KiB log line and error dialog.
class SessionPartReaderTest {

    private static final String HUGE = "a".repeat(65_536);

    @Test
    void aRefusedChoiceIsQuotedInFullWhenShort() {
        JsonObject state = new JsonObject();
        state.addProperty("theme", "purple");
        SessionPartReader reader = new SessionPartReader(state);
        assertEquals(Optional.empty(), reader.oneOf("theme", List.of("light", "dark"), "\"light\" or \"dark\""));
        assertEquals(List.of("theme: expected \"light\" or \"dark\", found \"purple\""), reader.problems());
    }

    @Test
    void aHugeRefusedChoiceIsCutAndItsLengthNamed() {
        JsonObject state = new JsonObject();
        state.addProperty("theme", HUGE);
        SessionPartReader reader = new SessionPartReader(state);
        reader.oneOf("theme", List.of("light", "dark"), "\"light\" or \"dark\"");
        String problem = reader.problems().getFirst();
        assertTrue(problem.startsWith("theme: expected \"light\" or \"dark\", found \"aaa"), problem);
        assertTrue(problem.endsWith("... (65572 characters)"), problem);
        assertTrue(problem.length() < SessionPartReader.MESSAGE_LIMIT + 40, "length " + problem.length());
    }

    @Test
    void aHugeTextRefusedByItsParserIsCutAndItsLengthNamed() {
        JsonObject state = new JsonObject();
        state.addProperty("bias_mode", HUGE);
        SessionPartReader reader = new SessionPartReader(state);
        assertEquals(Optional.empty(), reader.parsed("bias_mode", BiasMode::parse));
        String problem = reader.problems().getFirst();
        assertTrue(problem.startsWith("bias_mode: bias mode \"aaa"), problem);
        assertTrue(problem.length() < SessionPartReader.MESSAGE_LIMIT + 40, "length " + problem.length());
    }
}
