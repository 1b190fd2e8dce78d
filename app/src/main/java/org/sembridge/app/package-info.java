/// The SemBridge Workbench, a JavaFX desktop application over the engine: [WorkbenchLauncher]
/// (plain `main`), [WorkbenchApp] (the JavaFX `Application`: builds the shell, wires services).
///
/// Feature packages (`models`, later `alignment`, `maps`, `search`, ...) each hold an `XView`
/// (builds and binds nodes, in code, no FXML) and an `XViewModel` (properties, validation, one
/// method per command, no `javafx.scene` types). The app never touches DJL, Lucene or Smile: it
/// calls the engine's public API through `common.TaskRunner`.
package org.sembridge.app;
