package org.sembridge.app.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// A [DialogService] for tests: records the errors shown and the confirmations asked, answers
/// choosers with a preset path and confirmations with a preset answer.
public final class RecordingDialogService implements DialogService {

    public final List<Throwable> errors = new ArrayList<>();
    /// The headline and message of every confirmation asked, in order.
    public final List<String> confirmations = new ArrayList<>();
    public Path nextChoice;
    /// The answer to confirmations; false (Cancel) unless a test says otherwise.
    public boolean confirmAnswer;

    @Override
    public boolean confirm(String headline, String message, String confirmText) {
        confirmations.add(headline + "\n" + message);
        return confirmAnswer;
    }

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
