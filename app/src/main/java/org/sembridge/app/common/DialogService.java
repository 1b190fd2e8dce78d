package org.sembridge.app.common;

import java.nio.file.Path;
import java.util.Optional;

/// Every dialog the workbench shows, behind an interface so ViewModels can be tested without a
/// toolkit (JabRef's `DialogService`).
public interface DialogService {

    /// Shows an error: a concise headline, the engine's specific message, and the stack trace in
    /// an expandable details area.
    void showError(String headline, Throwable error);

    /// Asks for a folder, starting at `initial` when present.
    Optional<Path> chooseDirectory(String title, Path initial);

    /// Asks for a file to open.
    Optional<Path> chooseFile(String title, Path initial);

    /// Asks for a file to save to, starting in the folder `initial` (when present) with the
    /// suggested `fileName`.
    Optional<Path> chooseSaveFile(String title, Path initial, String fileName);
}
