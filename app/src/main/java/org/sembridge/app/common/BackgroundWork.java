package org.sembridge.app.common;

import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A unit of engine work run by a [TaskRunner]: receives the progress listener and the
/// cancellation token to pass to the engine call.
@FunctionalInterface
public interface BackgroundWork<T> {

    T call(ProgressListener progress, CancellationToken cancel) throws Exception;
}
