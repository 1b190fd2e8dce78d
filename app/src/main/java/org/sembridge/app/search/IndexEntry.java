package org.sembridge.app.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.index.IndexMetadata;
import org.sembridge.engine.index.SparseIndex;

/// One index folder as the index list shows it: where it is, which model and corpus built it, how
/// many documents it holds and how much disk it takes.
///
/// @param folder        the index folder (absolute, normalised)
/// @param modelPath     the encoder model folder recorded when the index was built
/// @param corpus        the corpus file recorded when the index was built
/// @param documentCount documents in the index
/// @param sizeBytes     bytes of all files in the folder
/// @param bm25Language  the BM25 analyzer's language code (`ko`), `""` when the index has no BM25 field
/// @param createdAt     when the index was committed (UTC)
public record IndexEntry(Path folder, String modelPath, String corpus, long documentCount, long sizeBytes,
        String bm25Language, Instant createdAt) {

    /// Reads the entry of the index in `folder` (opens it to read the committed metadata).
    ///
    /// @throws InputFormatException when the folder is not a SemBridge index (the engine's message)
    public static IndexEntry read(Path folder) throws IOException, InputFormatException {
        Path absolute = folder.toAbsolutePath().normalize();
        try (SparseIndex index = SparseIndex.open(absolute)) {
            return of(index);
        }
    }

    /// The entry of an open index.
    public static IndexEntry of(SparseIndex index) throws IOException {
        IndexMetadata metadata = index.metadata();
        Path folder = index.folder().toAbsolutePath().normalize();
        return new IndexEntry(folder, metadata.modelPath(), metadata.corpus(), index.documentCount(),
                sizeOf(folder), metadata.bm25Language().map(Bm25Language::code).orElse(""), metadata.createdAt());
    }

    /// The folder's name, which the list shows first.
    public String name() {
        return folder.getFileName().toString();
    }

    /// Whether the index has a BM25 field to compare with.
    public boolean hasBm25() {
        return !bm25Language.isEmpty();
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
