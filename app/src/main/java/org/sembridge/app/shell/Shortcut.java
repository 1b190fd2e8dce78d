package org.sembridge.app.shell;

/// One keyboard shortcut as the shortcut overlay lists it.
///
/// @param scope where it works: `Workbench` for the shell, else the page's title (`Inspector`)
/// @param keys the keys as the user presses them, e.g. `Ctrl+Shift+P`
/// @param description what it does, as a verb phrase: `Toggle presentation mode`
public record Shortcut(String scope, String keys, String description) {
}
