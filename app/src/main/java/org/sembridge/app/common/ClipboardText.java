package org.sembridge.app.common;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/// Puts text on the system clipboard (the "Copy as JSON" buttons). Views only: view models hand
/// the text over and stay toolkit-free.
public final class ClipboardText {

    private ClipboardText() {
    }

    /// Replaces the clipboard's content with `text` (plain text). FX thread only.
    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
