package org.sembridge.app.common;

import java.util.function.Consumer;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A [TaskRunner] for ViewModel tests: runs work inline on the calling thread, so tests need no
/// toolkit, no waiting and no sleeps.
public final class DirectTaskRunner implements TaskRunner {

    @Override
    public <T> TaskHandle run(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        CancellationToken token = CancellationToken.create();
        try {
            T result = work.call(ProgressListener.NONE, token);
            onSuccess.accept(result);
        } catch (Exception e) {
            onFailure.accept(e);
        }
        return new TaskHandle() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public void cancel() {
                token.cancel();
            }

            @Override
            public CancellationToken cancellationToken() {
                return token;
            }
        };
    }
}
