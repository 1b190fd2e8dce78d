package org.sembridge.app.search;

import java.nio.file.Path;
import java.util.Locale;

/// The workspace's name for an index folder built by the page.
final class IndexFolderName {

    private IndexFolderName() {
    }

    /// The folder name of an index of `corpus` built with the model of run folder `runFolder`:
    /// `<run>-<corpus folder>-<corpus file stem>`, e.g. `ko-sembridge-ko-corpus`, restricted to
    /// letters, digits, `.`, `_` and `-`.
    static String of(Path runFolder, Path corpus) {
        String file = corpus.getFileName().toString().toLowerCase(Locale.ROOT)
                .replaceAll("\\.gz$", "").replaceAll("\\.(jsonl|json|tsv)$", "");
        Path parent = corpus.toAbsolutePath().getParent();
        String parentName = parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "-";
        return (runFolder.getFileName() + "-" + parentName + file).replaceAll("[^\\p{L}\\p{N}._-]+", "_");
    }
}
