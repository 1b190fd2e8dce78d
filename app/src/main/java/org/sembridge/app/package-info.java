/// The SemBridge Workbench, a JavaFX desktop application over the engine: [WorkbenchLauncher]
/// (plain `main`), [WorkbenchApp] (the JavaFX `Application`: builds the shell, wires services).
///
/// Feature packages, one per page (`models`, `runs`, `inspector`, `map`, `search`), each hold an
/// `XView` (builds and binds nodes, in code, no FXML) and an `XViewModel` (properties,
/// validation, one method per command, no `javafx.scene` types); `shell` is the window around
/// them, `workspace` the state they share, `session` saving and restoring it, `common` the task
/// runner and dialogs. The app never touches DJL, Lucene or Smile: its view models call the
/// engine's workflow services (`org.sembridge.engine.workflow`) through `common.TaskRunner`.
/// docs/architecture.md has the table of packages.
package org.sembridge.app;
