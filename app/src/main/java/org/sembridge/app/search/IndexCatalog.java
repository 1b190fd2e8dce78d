package org.sembridge.app.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sembridge.engine.InputFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The index folders of a workspace's `indexes/` folder, newest first. Folders that are not
/// SemBridge indexes are left out (logged at DEBUG with the engine's reason); hidden folders
/// (the staging folders of builds in progress) are never opened.
public final class IndexCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(IndexCatalog.class);

    private IndexCatalog() {
    }

    /// The indexes in `indexesFolder`; empty when the folder does not exist.
    public static List<IndexEntry> list(Path indexesFolder) throws IOException {
        if (!Files.isDirectory(indexesFolder)) {
            return List.of();
        }
        List<IndexEntry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(indexesFolder)) {
            for (Path child : children.sorted().toList()) {
                if (!Files.isDirectory(child) || child.getFileName().toString().startsWith(".")) {
                    continue;
                }
                try {
                    entries.add(IndexEntry.read(child));
                } catch (InputFormatException e) {
                    LOG.debug("not listed: {}", e.getMessage());
                }
            }
        }
        entries.sort(Comparator.comparing(IndexEntry::createdAt).reversed());
        return entries;
    }
}
