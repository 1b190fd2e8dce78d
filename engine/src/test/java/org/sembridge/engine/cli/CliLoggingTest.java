package org.sembridge.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CliLoggingTest {

    @Test
    void cliLogsWarningsOnStandardErrorByDefault() {
        Properties settings = CliLogging.settings();
        assertEquals("System.err", settings.getProperty("org.slf4j.simpleLogger.logFile"));
        assertEquals("warn", settings.getProperty("org.slf4j.simpleLogger.defaultLogLevel"));
        assertEquals("warn", settings.getProperty("org.slf4j.simpleLogger.log.org.sembridge"));
        assertEquals("error", settings.getProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils"));
    }

    /// slf4j-simple reads `simplelogger.properties` from the classpath root: the engine jar must
    /// not hold one, or it would choose the levels of every application using the library.
    @Test
    void engineJarHasNoRootLoggingConfiguration() {
        assertFalse(Files.exists(Path.of("target", "classes", "simplelogger.properties")));
        assertFalse(Files.exists(Path.of("src", "main", "resources", "simplelogger.properties")));
    }
}
