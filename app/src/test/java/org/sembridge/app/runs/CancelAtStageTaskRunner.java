package org.sembridge.app.runs;

import java.util.function.Consumer;
import org.sembridge.app.common.BackgroundWork;
import org.sembridge.app.common.TaskHandle;
import org.sembridge.app.common.TaskRunner;
import org.sembridge.engine.progress.CancellationToken;

/// An inline [TaskRunner] that cancels the work when the engine announces `stage`, as a user
/// pressing Cancel at that moment would.
final class CancelAtStageTaskRunner implements TaskRunner {

    private final String stage;

    CancelAtStageTaskRunner(String stage) {
        this.stage = stage;
    }

    @Override
    public <T> TaskHandle run(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        CancellationToken token = CancellationToken.create();
        try {
            onSuccess.accept(work.call((reported, done, total) -> {
                if (reported.equals(stage)) {
                    token.cancel();
                }
            }, token));
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
