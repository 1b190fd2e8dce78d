/// The workbench shell: the window around the pages and what every page shares on screen.
///
/// - [MainWindow]: header (title, session controls, theme, presentation, full screen, shortcut
///   list), optional banners, the navigation rail with one button per [WorkbenchPage] (Ctrl+1..9),
///   the page area, and the [StatusBar]; over them the [TaskTray] (every running task with its
///   progress and cancel, Ctrl+Shift+T) and the [ShortcutOverlay] (F1, Ctrl+/).
/// - [ShellViewModel]: page shown, dark theme, presentation mode; a `SessionPart` (key `shell`).
/// - [KeyMap] and [Shortcut]: one registry of keyboard shortcuts. The shell binds its own
///   (accelerators on the scene); pages register theirs for the overlay, one line each.
/// - [UncaughtErrorHandler]: the default handler of every thread; logs and shows an error dialog.
/// - [StartupClock]: time since JVM start, logged when the first window shows.
///
/// Themes and presentation mode are CSS classes on the root (`workbench.css`): `.theme-dark`
/// swaps the looked-up `-sb-*` colours; `.presentation` raises the root font size, and every
/// size in the stylesheet is in `em`, so each page scales with it.
package org.sembridge.app.shell;
