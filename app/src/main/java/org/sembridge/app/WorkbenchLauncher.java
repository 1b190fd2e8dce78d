package org.sembridge.app;

import javafx.application.Application;

import org.sembridge.engine.io.StandardErrorHandover;

/// Plain `main` that starts [WorkbenchApp]. A separate launcher class lets the workbench run from
/// the class path (no JavaFX module path), which is how `bin/workbench` starts it.
public final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        StandardErrorHandover.restore();
        Application.launch(WorkbenchApp.class, args);
    }
}
