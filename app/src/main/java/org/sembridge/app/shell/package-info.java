/// The workbench shell: [MainWindow] (header, navigation rail, page area, keyboard map),
/// the status bar with the running task's progress and cancel, and [WorkbenchPage], the unit of
/// navigation. Themes and presentation mode are CSS classes on the root (`workbench.css`).
package org.sembridge.app.shell;
