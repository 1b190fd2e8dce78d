package org.sembridge.app.session;

import java.nio.file.Path;
import java.util.Optional;

/// The file dialogs of the session commands, behind an interface so [SessionViewModel] is
/// tested without a toolkit.
public interface SessionDialogs {

    /// Asks where to save a session, starting in `folder` with `suggestedName` (without the
    /// extension); empty when the user cancels.
    Optional<Path> chooseSessionToSave(Path folder, String suggestedName);

    /// Asks which session file to open, starting in `folder`; empty when the user cancels.
    Optional<Path> chooseSessionToOpen(Path folder);
}
