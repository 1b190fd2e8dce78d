package org.sembridge.app.common;

import java.nio.file.Path;
import java.util.Optional;

/// Every dialog the workbench shows, behind an interface so ViewModels can be tested without a
/// toolkit (JabRef's `DialogService`).
public interface DialogService {

    /// Shows an error: a concise headline, the engine's specific message, and the stack trace in
    /// an expandable details area.
    void showError(String headline, Throwable error);

    /// Asks the user to confirm something that costs a lot (a map of 300,000 points): `headline`
    /// as the question, `message` with the figures, a button `confirmText` and Cancel. Tells
    /// whether the user chose `confirmText`; closing the dialog is Cancel.
    boolean confirm(String headline, String message, String confirmText);

    /// Asks for a folder, starting at `initial` when present.
    Optional<Path> chooseDirectory(String title, Path initial);

    /// Asks for a file to open.
    Optional<Path> chooseFile(String title, Path initial);

    /// Asks for a file to save to, starting in the folder `initial` (when present) with the
    /// suggested `fileName`.
    Optional<Path> chooseSaveFile(String title, Path initial, String fileName);
}
