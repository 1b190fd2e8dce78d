package org.sembridge.app.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/// A [TaskRunner] that runs through another one and records every progress report the work
/// sends, on the thread that sends it, before the delegate sees it.
///
/// GUI tests assert on the recorded reports after the task finished, instead of hoping to observe
/// a transient stage in a property: the UI coalesces reports, so a short stage on a busy machine
/// may never be drawn, but it is always reported.
public final class ReportRecordingTaskRunner implements TaskRunner {

    /// One progress report as the engine sent it.
    public record Report(String stage, long done, long total) {
    }

    private final TaskRunner delegate;
    private final List<Report> reports = new CopyOnWriteArrayList<>();

    public ReportRecordingTaskRunner(TaskRunner delegate) {
        this.delegate = delegate;
    }

    /// Every report so far, oldest first (safe to read from any thread).
    public List<Report> reports() {
        return List.copyOf(reports);
    }

    @Override
    public <T> TaskHandle run(String title, BackgroundWork<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        return delegate.run(title, (progress, cancel) -> work.call((stage, done, total) -> {
            reports.add(new Report(stage, done, total));
            progress.onProgress(stage, done, total);
        }, cancel), onSuccess, onFailure);
    }
}
