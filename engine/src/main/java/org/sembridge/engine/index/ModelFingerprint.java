package org.sembridge.engine.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.hf.HfModelFolder;

/// The content fingerprint of a Hugging Face model folder: what makes two sparse encoders
/// interchangeable for an index.
///
/// `"sha256:" + hex(SHA-256)` over, in this order, `config.json`, the tokenizer file, and every
/// `*.safetensors` file of the model folder plus the weight index (sorted by name); for each file
/// its name, its size and its bytes go into the digest. Renaming or copying the folder keeps the
/// fingerprint; changing any weight, the vocabulary or the configuration changes it. Cost: one
/// read of the weights (about 1 GB/s: 0.2-0.3 s for a 262k-vocabulary model's 170 MB), which
/// [#start] overlaps with loading the model.
public final class ModelFingerprint {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFingerprint.class);
    private static final int BUFFER_BYTES = 1 << 20;
    private static final ThreadFactory THREADS = Thread.ofPlatform().name("sembridge-fingerprint-", 1).daemon(true)
            .factory();

    private ModelFingerprint() {
    }

    /// The fingerprint of `folder`.
    ///
    /// @throws ModelFormatException when a file cannot be read
    public static String of(HfModelFolder folder) throws ModelFormatException {
        List<Path> files = new ArrayList<>();
        files.add(folder.configFile());
        files.add(folder.tokenizerFile());
        TreeSet<Path> weights = new TreeSet<>();
        weights.add(folder.weightSource());
        try (Stream<Path> entries = Files.list(folder.modelDirectory())) {
            entries.filter(p -> p.getFileName().toString().endsWith(".safetensors")).forEach(weights::add);
        } catch (IOException e) {
            throw new ModelFormatException(folder.modelDirectory() + ": cannot list the weight files: "
                    + e.getMessage(), e);
        }
        files.addAll(weights);
        long start = System.nanoTime();
        long bytes = 0;
        MessageDigest digest = sha256();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        for (Path file : files) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(ByteBuffer.allocate(Long.BYTES).putLong(0, channel.size()));
                bytes += channel.size();
                while (channel.read(buffer.clear()) > 0) {
                    digest.update(buffer.flip());
                }
            } catch (IOException e) {
                throw new ModelFormatException(file + ": cannot be read for the model fingerprint: " + e.getMessage(),
                        e);
            }
        }
        String fingerprint = "sha256:" + HexFormat.of().formatHex(digest.digest());
        LOG.debug("{}: fingerprint of {} MiB in {} ms", folder.modelDirectory(), bytes >> 20,
                (System.nanoTime() - start) / 1_000_000);
        return fingerprint;
    }

    /// Starts [#of] on a thread of its own, so that the files are hashed while the caller loads
    /// the model from them.
    static Pending start(HfModelFolder folder) {
        FutureTask<String> task = new FutureTask<>(() -> of(folder));
        THREADS.newThread(task).start();
        return new Pending(task);
    }

    /// A fingerprint being computed ([#start]).
    static final class Pending {
        private final FutureTask<String> task;

        private Pending(FutureTask<String> task) {
            this.task = task;
        }

        /// Waits for the fingerprint.
        ///
        /// @throws ModelFormatException when a file cannot be read (as [#of])
        String await() throws ModelFormatException {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                task.cancel(true);
                throw new IllegalStateException("interrupted while fingerprinting the model", e);
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case ModelFormatException cause -> throw cause;
                    case RuntimeException cause -> throw cause;
                    case Error cause -> throw cause;
                    default -> throw new IllegalStateException("fingerprinting the model failed", e.getCause());
                }
            }
        }

        /// Stops the computation (its result is not needed).
        void cancel() {
            task.cancel(true);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
