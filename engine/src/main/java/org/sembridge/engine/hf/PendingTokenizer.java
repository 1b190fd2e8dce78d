package org.sembridge.engine.hf;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.ModelFormatException;

/// A tokenizer whose file is checked and whose vocabulary is read, while the native `tokenizers`
/// library builds its own tokenizer from the file on a thread of its own ([TextTokenizer#start]).
///
/// The native build is the slow part of loading a large tokenizer (about 1.3 s of CPU for the
/// 262,145-entry Gemma 3 `tokenizer.json` with 515k merges, plus reading the file into a Java
/// string inside DJL), and nothing the caller does meanwhile depends on it: the Java checks run
/// at the same time, and a model loader can read its weights and call [#await()] when it needs
/// the tokenizer. The first text is encoded (the limit probe) only after the checks passed.
///
/// Close it in every case: after [#await()] it does nothing (the caller owns the tokenizer);
/// before, it waits for the native build and frees what it built, so nothing leaks when the
/// caller fails or is cancelled in between.
public final class PendingTokenizer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PendingTokenizer.class);
    private static final ThreadFactory THREADS = Thread.ofPlatform().name("sembridge-tokenizer-load-", 1)
            .daemon(true).factory();

    private final Path source;
    private final CompletableFuture<TokenizerVocabulary> checked;
    private final FutureTask<TextTokenizer> build;
    private boolean handedOver;

    private PendingTokenizer(Path source, CompletableFuture<TokenizerVocabulary> checked,
            FutureTask<TextTokenizer> build) {
        this.source = source;
        this.checked = checked;
        this.build = build;
    }

    /// Starts `build` on a new thread; `checked` is completed by the caller's checks (with the
    /// vocabulary they read) before the pending tokenizer is handed out.
    static PendingTokenizer start(Path source, CompletableFuture<TokenizerVocabulary> checked, NativeBuild build) {
        FutureTask<TextTokenizer> task = new FutureTask<>(() -> {
            long start = System.nanoTime();
            TextTokenizer tokenizer = build.build();
            LOG.debug("{}: native tokenizer built in {} ms", source, (System.nanoTime() - start) / 1_000_000);
            return tokenizer;
        });
        THREADS.newThread(task).start();
        return new PendingTokenizer(source, checked, task);
    }

    /// The native half of loading, run on the pending tokenizer's thread.
    @FunctionalInterface
    interface NativeBuild {
        TextTokenizer build() throws ModelFormatException;
    }

    /// The file the tokenizer is built from (`tokenizer.json` or `vocab.txt`).
    public Path source() {
        return source;
    }

    /// Number of token ids (largest id + 1), known before the native build ends.
    public int vocabSize() {
        return checked.join().tokens().size();
    }

    /// Waits for the native build and hands the tokenizer over; the caller closes it.
    ///
    /// @throws ModelFormatException naming the file when the native library cannot load it or
    ///     cannot encode with it
    /// @throws IllegalStateException when called twice
    public TextTokenizer await() throws ModelFormatException {
        if (handedOver) {
            throw new IllegalStateException(source + ": the tokenizer was already handed over or closed");
        }
        long start = System.nanoTime();
        TextTokenizer tokenizer = result();
        handedOver = true;
        LOG.debug("{}: waited {} ms for the native tokenizer", source, (System.nanoTime() - start) / 1_000_000);
        return tokenizer;
    }

    /// Frees the tokenizer unless [#await()] handed it over; waits for the native build first.
    @Override
    public void close() {
        if (handedOver) {
            return;
        }
        handedOver = true;
        try {
            result().close();
        } catch (ModelFormatException | RuntimeException e) {
            // The build failed or was refused: what it built is freed already.
        }
    }

    private TextTokenizer result() throws ModelFormatException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return build.get();
                } catch (InterruptedException e) {
                    // The native build cannot be stopped; wait for it so that nothing leaks.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case ModelFormatException cause -> throw cause;
                case RuntimeException cause -> throw cause;
                case Error cause -> throw cause;
                default -> throw new IllegalStateException(source + ": loading the tokenizer failed", e.getCause());
            }
        } catch (CancellationException e) {
            throw new IllegalStateException(source + ": the tokenizer build was cancelled", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
