package org.sembridge.engine.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.io.AtomicFiles;

/// SHA-256 content hashes of files and model folders, lower-case hex (64 characters), with an
/// optional on-disk memo so that a multi-gigabyte checkpoint is read once, not on every run.
///
/// ## Definitions
///
/// - **File hash**: SHA-256 of the file's bytes, streamed through a 1 MiB buffer.
/// - **Folder hash** ([#ofModelFolder], [#ofTokenizerFolder]): SHA-256 of the UTF-8 text made
///   of one line `relativePath + "\n" + fileHash + "\n"` per relevant file, sorted by relative
///   path (`/` separators). Only relevant files count, so a README, a `.git` folder or a
///   pickled checkpoint beside the weights never changes the hash; renaming the folder does not
///   either.
/// - **Model files** ([#MODEL_FILE_NAMES]): `config.json`, `*.safetensors`,
///   `model.safetensors.index.json`, `tokenizer.json`, `vocab.txt`, `tokenizer_config.json`,
///   `special_tokens_map.json`, `modules.json`, `sentence_bert_config.json`, in the folder and
///   one level below (`0_Transformer/`, `1_Pooling/config.json`, `2_Dense/`); hidden entries
///   are skipped.
/// - **Tokenizer files** ([#TOKENIZER_FILE_NAMES]): `tokenizer.json`, `vocab.txt`,
///   `tokenizer_config.json`, `special_tokens_map.json`, in the folder itself.
///
/// ## Memo
///
/// With a memo folder, each file hash is stored in a small file named by the SHA-256 of
/// `realPath + "\n" + sizeBytes + "\n" + mtimeNanos`; a later call for the same path with the
/// same size and modification time reads the stored hash instead of the file. Like `make` or
/// `rsync`, the memo trusts size and modification time: a rewrite that keeps both (within the
/// file system's timestamp resolution) is not noticed. Memo entries are written atomically;
/// a damaged entry is ignored and rewritten; a memo folder that cannot be written only costs
/// time. Thread-safe: instances hold no mutable state.
public final class ContentHash {

    private static final Logger LOG = LoggerFactory.getLogger(ContentHash.class);

    /// Names of the files that make up a model for [#ofModelFolder], besides `*.safetensors`.
    public static final Set<String> MODEL_FILE_NAMES = Set.of("config.json", "model.safetensors.index.json",
            "tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json", "modules.json",
            "sentence_bert_config.json");

    /// Names of the files that make up a tokenizer for [#ofTokenizerFolder].
    public static final Set<String> TOKENIZER_FILE_NAMES = Set.of("tokenizer.json", "vocab.txt",
            "tokenizer_config.json", "special_tokens_map.json");

    private static final int BUFFER_BYTES = 1 << 20;
    private static final int MODEL_FOLDER_DEPTH = 2;
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String MEMO_SUFFIX = ".sha256";

    private final Path memoDirectory;

    private ContentHash(Path memoDirectory) {
        this.memoDirectory = memoDirectory;
    }

    /// Hashes with a memo kept in `memoDirectory` (created on first use).
    public static ContentHash withMemo(Path memoDirectory) {
        return new ContentHash(memoDirectory.toAbsolutePath());
    }

    /// Hashes with the memo in `<cache root>/file-hashes` (see [CacheRoot]).
    public static ContentHash atDefaultLocation() {
        return withMemo(CacheRoot.resolve().resolve(CacheRoot.FILE_HASHES));
    }

    /// Hashes without a memo: every call reads the files.
    public static ContentHash withoutMemo() {
        return new ContentHash(null);
    }

    /// The memo folder, empty when hashes are not memoised.
    public Optional<Path> memoDirectory() {
        return Optional.ofNullable(memoDirectory);
    }

    /// The SHA-256 of a file's bytes, from the memo when size and modification time are
    /// unchanged.
    ///
    /// @throws IOException when the file cannot be read
    public String ofFile(Path file) throws IOException {
        Path real = file.toRealPath();
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new IOException(file + " is not a regular file");
        }
        Optional<Path> memo = memoEntry(real, attributes);
        Optional<String> remembered = memo.flatMap(ContentHash::readMemo);
        if (remembered.isPresent()) {
            LOG.debug("Hash of {} from the memo", real);
            return remembered.get();
        }
        String hash = hashBytes(real);
        memo.ifPresent(entry -> writeMemo(entry, hash));
        return hash;
    }

    /// The folder hash of a model folder's relevant files ([#MODEL_FILE_NAMES] and
    /// `*.safetensors`, up to one subfolder deep).
    ///
    /// @throws IOException when the folder or a relevant file cannot be read, or the folder has
    ///     no relevant file
    public String ofModelFolder(Path folder) throws IOException {
        return ofFolder(folder, MODEL_FOLDER_DEPTH, ContentHash::isModelFile, "model files (config.json, "
                + "*.safetensors, tokenizer.json, vocab.txt, ...)");
    }

    /// The folder hash of a tokenizer's files ([#TOKENIZER_FILE_NAMES]) in `folder` itself.
    ///
    /// @throws IOException when a file cannot be read or the folder has neither `tokenizer.json`
    ///     nor `vocab.txt` nor the other tokenizer files
    public String ofTokenizerFolder(Path folder) throws IOException {
        return ofFolder(folder, 1, TOKENIZER_FILE_NAMES::contains, "tokenizer files (tokenizer.json, vocab.txt, "
                + "tokenizer_config.json, special_tokens_map.json)");
    }

    /// The SHA-256 of `parts`, each as UTF-8 followed by a NUL byte, for keys made of several
    /// values (hashes, version numbers).
    public static String ofParts(String... parts) {
        MessageDigest digest = sha256();
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /// The SHA-256 of a text's UTF-8 bytes.
    public static String ofText(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private interface NameFilter {
        boolean accepts(String fileName);
    }

    private String ofFolder(Path folder, int depth, NameFilter filter, String expected) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder; expected a folder holding " + expected);
        }
        long start = System.nanoTime();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, depth)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(folder.relativize(p)))
                    .filter(p -> filter.accepts(p.getFileName().toString()))
                    .sorted(Comparator.comparing(p -> relativeName(folder, p)))
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IOException(folder + ": no relevant files to hash; expected " + expected);
        }
        StringBuilder lines = new StringBuilder();
        long bytes = 0;
        for (Path file : files) {
            lines.append(relativeName(folder, file)).append('\n').append(ofFile(file)).append('\n');
            bytes += Files.size(file);
        }
        String hash = ofText(lines.toString());
        LOG.debug("Content hash of {}: {} files, {} MiB, {} s", folder, files.size(), bytes >> 20,
                String.format("%.2f", (System.nanoTime() - start) / 1e9));
        return hash;
    }

    private static boolean isModelFile(String name) {
        return MODEL_FILE_NAMES.contains(name) || name.endsWith(".safetensors");
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String relativeName(Path folder, Path file) {
        List<String> parts = new ArrayList<>();
        folder.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    private static String hashBytes(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER_BYTES];
        long start = System.nanoTime();
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                total += n;
            }
        }
        if (total >= BUFFER_BYTES * 64L) {
            LOG.info("Hashed {}: {} MiB in {} s (remembered for later runs while size and time stay)", file,
                    total >> 20, String.format("%.2f", (System.nanoTime() - start) / 1e9));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private Optional<Path> memoEntry(Path real, BasicFileAttributes attributes) {
        if (memoDirectory == null) {
            return Optional.empty();
        }
        String key = ofParts(real.toString(), Long.toString(attributes.size()),
                Long.toString(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
        return Optional.of(memoDirectory.resolve(key + MEMO_SUFFIX));
    }

    private static Optional<String> readMemo(Path entry) {
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(entry, StandardCharsets.US_ASCII).strip();
            if (HEX_SHA256.matcher(text).matches()) {
                return Optional.of(text);
            }
            LOG.debug("Ignoring damaged hash memo entry {}", entry);
        } catch (IOException e) {
            LOG.debug("Cannot read hash memo entry {}: {}", entry, e.toString());
        }
        return Optional.empty();
    }

    private static void writeMemo(Path entry, String hash) {
        try {
            AtomicFiles.writeString(entry, hash + "\n");
        } catch (IOException e) {
            LOG.debug("Cannot write hash memo entry {}: {}", entry, e.toString());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
