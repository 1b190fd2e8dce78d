/// The state the workbench's pages share and persist.
///
/// - [Workspace]: the folder of a researcher's work (`runs/`, `indexes/`, `sessions/`).
/// - [WorkbenchState]: open runs ([OpenRun]) and the current one, the selected target token, a
///   focused token group ([TokenFocus]), bookmarks and notes. Pages observe it to stay linked:
///   selecting a token anywhere selects it everywhere.
/// - [SessionPart]: how each ViewModel contributes its state to a saved session.
///
/// Threading: FX thread only. Engine work that produces a run happens in a `TaskRunner` task;
/// its result is added here in the success callback.
package org.sembridge.app.workspace;
