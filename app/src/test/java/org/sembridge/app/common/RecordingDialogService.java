package org.sembridge.app.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// A [DialogService] for tests: records the errors shown, answers choosers with a preset path.
public final class RecordingDialogService implements DialogService {

    public final List<Throwable> errors = new ArrayList<>();
    public Path nextChoice;

    @Override
    public void showError(String headline, Throwable error) {
        errors.add(error);
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        return Optional.ofNullable(nextChoice);
    }

    @Override
    public Optional<Path> chooseFile(String title, Path initial) {
        return Optional.ofNullable(nextChoice);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, Path initial, String fileName) {
        return Optional.ofNullable(nextChoice);
    }
}
