package org.sembridge.engine.cli;

import picocli.CommandLine.IVersionProvider;

/// Reports the engine version (from the jar manifest when packaged) and the running JDK.
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SemBridgeCli.class.getPackage().getImplementationVersion();
        return new String[] {
            "sembridge " + (version == null ? "development build" : version),
            "JDK " + Runtime.version() + " on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch")
        };
    }
}
