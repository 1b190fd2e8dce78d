package org.sembridge.app.session;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/// The JavaFX [SessionDialogs]: native file choosers filtered to `*.session.json`.
public final class FxSessionDialogs implements SessionDialogs {

    private static final FileChooser.ExtensionFilter SESSIONS =
            new FileChooser.ExtensionFilter("Workbench sessions", "*" + SessionStore.EXTENSION);

    private final Window owner;

    public FxSessionDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseSessionToSave(Path folder, String suggestedName) {
        FileChooser chooser = chooser("Save session as", folder);
        chooser.setInitialFileName(suggestedName + SessionStore.EXTENSION);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSessionToOpen(Path folder) {
        return Optional.ofNullable(chooser("Open session", folder).showOpenDialog(owner)).map(File::toPath);
    }

    private static FileChooser chooser(String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(SESSIONS);
        if (Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }
}
