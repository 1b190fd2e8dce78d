/// Saved sessions: the whole workspace state in one JSON file, so a researcher can stop, come
/// back, or present a prepared state.
///
/// - [SessionStore]: the file format (`format` = `sembridge-workbench-session`, `version`,
///   `savedAt`, `parts` by key), atomic writes through the engine's `AtomicFiles`, and the
///   strict-envelope / lenient-parts reading: a file that is not JSON, not a session or from a
///   newer version fails as a whole naming the file (and line and column); a part that fails is
///   one problem line and the rest is still restored.
/// - [SessionPartReader]: typed, never-throwing field access for `SessionPart#restore`; every
///   problem names its field (`runs[1]: expected a string, found the number 12`), then
///   [SessionFieldException] carries them all.
/// - [WorkbenchStatePart]: the shared `WorkbenchState` as a part (key `workbench`): open runs by
///   folder (re-opened in the background by a [RunOpener]), current run, selected token, focus,
///   bookmarks, notes.
/// - [SessionViewModel]: the commands (save Ctrl+S, save as, open Ctrl+O, recent), autosave to
///   `sessions/autosave.session.json` every two minutes when changed and on exit, and the
///   "restore last session" offer at start ([SessionViewModel#PREVIOUS] keeps the last autosave aside).
///   [SessionControls] is its view (header buttons, banner); [SessionDialogs] /
///   [FxSessionDialogs] the file choosers.
///
/// Every page contributes its own `SessionPart`: `WorkbenchApp` keeps the list and each page adds
/// its ViewModel with one line. Parts are restored in list order on the FX thread: the shell
/// (page, theme, presentation) first, then the workbench state, then the pages.
///
/// Threading: collecting and restoring run on the FX thread; reading, checking and writing files
/// run on an engine thread through `TaskRunner`, except the exit autosave, which is synchronous.
package org.sembridge.app.session;
