package org.sembridge.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sembridge.engine.progress.CancellationToken;

/// Turns Ctrl-C (SIGINT, SIGTERM) into cooperative cancellation of the running command.
///
/// A JVM shutdown hook cancels [#token()], then waits until the command has returned (the
/// engine deletes its staging folders and temporary files before its `OperationCancelledException`
/// reaches the command, and the error handler prints its one line), and ends the process with
/// [ExitCodes#CANCELLED]. The hook waits at most [#CLEANUP_SECONDS]; an engine call that does not
/// check its token in that time (a model still loading) is then cut off, still with exit code 12.
/// When the command ends normally the hook does nothing and the process exits with the command's
/// code.
///
/// `Runtime.halt` is what sets the exit code here: `System.exit` cannot be called from a shutdown
/// hook, and without the hook the JVM would end with 130 and no cleanup.
final class InterruptCancellation {

    /// The longest wait for the command to clean up after Ctrl-C, in seconds.
    static final long CLEANUP_SECONDS = 30;

    private final CancellationToken token = CancellationToken.create();
    private final CountDownLatch finished = new CountDownLatch(1);

    private InterruptCancellation() {
    }

    /// Creates the token and registers the shutdown hook that cancels it; `err` receives one
    /// line saying that cleanup is under way.
    static InterruptCancellation install(PrintWriter err) {
        InterruptCancellation cancellation = new InterruptCancellation();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> cancellation.onShutdown(err), "sembridge-interrupt"));
        return cancellation;
    }

    /// The token the command checks.
    CancellationToken token() {
        return token;
    }

    /// Tells the hook that the command has returned and printed everything it had to say.
    void commandFinished() {
        finished.countDown();
    }

    private void onShutdown(PrintWriter err) {
        if (finished.getCount() == 0) {
            return;
        }
        token.cancel();
        err.println("interrupted: cancelling and cleaning up (at most " + CLEANUP_SECONDS + " s)...");
        err.flush();
        try {
            finished.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        err.flush();
        Runtime.getRuntime().halt(ExitCodes.CANCELLED);
    }
}
