package org.sembridge.app.common;

import java.util.function.Consumer;
import java.util.function.Predicate;
import org.sembridge.engine.progress.CancellationToken;

/// A [TaskRunner] for ViewModel tests: runs work inline on the calling thread, so tests need no
/// toolkit, no waiting and no sleeps. [#cancellingAt] makes one that cancels the work when it
/// reports a given stage, as a user pressing Cancel at that moment would.
public final class DirectTaskRunner implements TaskRunner {

    private final Predicate<String> cancelAtStage;

    /// A runner that never cancels.
    public DirectTaskRunner() {
        this(stage -> false);
    }

    private DirectTaskRunner(Predicate<String> cancelAtStage) {
        this.cancelAtStage = cancelAtStage;
    }

    /// A runner that cancels each task at its first progress report whose stage matches.
    public static DirectTaskRunner cancellingAt(Predicate<String> stage) {
        return new DirectTaskRunner(stage);
    }

    @Override
    public <T> TaskHandle run(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        CancellationToken token = CancellationToken.create();
        try {
            T result = work.call((stage, done, total) -> {
                if (cancelAtStage.test(stage)) {
                    token.cancel();
                }
            }, token);
            onSuccess.accept(result);
        } catch (Exception e) {
            onFailure.accept(e);
        }
        return new TokenTaskHandle(title, token);
    }
}
