package org.sembridge.engine.hf;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;

import org.sembridge.engine.ModelFormatException;

/// A tokenizer whose file is checked and whose vocabulary is read, while the native `tokenizers`
/// library builds its own tokenizer from the file on a thread of its own ([TextTokenizer#start]).
///
/// The native build is the slow part of loading a large tokenizer (about 1.3 s of CPU for the
/// 262,145-entry Gemma 3 `tokenizer.json` with 515k merges, plus reading the file into a Java
/// string inside DJL), and nothing the caller does meanwhile depends on it: a model loader can
/// read its weights in parallel and call [#await()] when it needs the tokenizer. The file was
/// already checked by then ([PostProcessorCheck], the vocabulary), so the library never sees a
/// file the Java checks refuse.
///
/// Close it in every case: after [#await()] it does nothing (the caller owns the tokenizer);
/// before, it waits for the native build and frees what it built, so nothing leaks when the
/// caller fails or is cancelled in between.
public final class PendingTokenizer implements AutoCloseable {

    private static final ThreadFactory THREADS = Thread.ofPlatform().name("sembridge-tokenizer-load-", 1)
            .daemon(true).factory();

    private final Path source;
    private final TokenizerVocabulary vocabulary;
    private final FutureTask<TextTokenizer> build;
    private boolean handedOver;

    private PendingTokenizer(Path source, TokenizerVocabulary vocabulary, FutureTask<TextTokenizer> build) {
        this.source = source;
        this.vocabulary = vocabulary;
        this.build = build;
    }

    /// Starts `build` on a new thread.
    static PendingTokenizer start(Path source, TokenizerVocabulary vocabulary, NativeBuild build) {
        FutureTask<TextTokenizer> task = new FutureTask<>(build::build);
        THREADS.newThread(task).start();
        return new PendingTokenizer(source, vocabulary, task);
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
        return vocabulary.tokens().size();
    }

    /// Waits for the native build and hands the tokenizer over; the caller closes it.
    ///
    /// @throws ModelFormatException naming the file when the native library cannot load it or
    ///     cannot encode with it
    /// @throws IllegalStateException when called twice
    public TextTokenizer await() throws ModelFormatException {
        if (handedOver) {
            throw new IllegalStateException(source + ": the tokenizer was already handed over");
        }
        TextTokenizer tokenizer = result();
        handedOver = true;
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
        } catch (ModelFormatException e) {
            // The build failed: nothing was built, nothing to free.
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
