package org.sembridge.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.slf4j.bridge.SLF4JBridgeHandler;

/// The command line's choice of logging, made once in [SemBridgeCli#main] before any logger
/// exists: slf4j-simple (an optional dependency of the engine, so it is on the CLI's classpath
/// but never reaches the workbench) with the levels of [#SETTINGS], a resource beside this class
/// rather than at the jar's root, so that the library configures nobody else's logging.
///
/// Settings given with `-D` on the java command line win over the file; `--verbose` raises
/// `org.sembridge` to info. `java.util.logging` (Lucene's INFO lines) is routed into slf4j so the
/// same levels apply.
final class CliLogging {

    /// The slf4j-simple settings of the CLI, next to this class.
    static final String SETTINGS = "simplelogger.properties";

    private static final String SEMBRIDGE_LEVEL = "org.slf4j.simpleLogger.log.org.sembridge";

    private CliLogging() {
    }

    /// Sets the CLI's logging up; call before the first logger is made (slf4j-simple reads its
    /// levels once).
    static void configure(boolean verbose) {
        Properties settings = settings();
        for (String name : settings.stringPropertyNames()) {
            if (System.getProperty(name) == null) {
                System.setProperty(name, settings.getProperty(name));
            }
        }
        if (verbose) {
            System.setProperty(SEMBRIDGE_LEVEL, "info");
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /// The settings of [#SETTINGS].
    static Properties settings() {
        Properties settings = new Properties();
        try (InputStream in = CliLogging.class.getResourceAsStream(SETTINGS)) {
            if (in == null) {
                throw new IllegalStateException("the CLI's " + SETTINGS + " is missing from the engine jar");
            }
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CLI's " + SETTINGS, e);
        }
        return settings;
    }
}
