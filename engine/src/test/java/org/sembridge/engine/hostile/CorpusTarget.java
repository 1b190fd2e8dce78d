package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.sembridge.engine.index.CorpusDocument;
import org.sembridge.engine.index.CorpusReader;

/// The English demo corpus as JSON lines, TSV or gzip-compressed JSON lines through
/// [CorpusReader], read to the end.
///
/// Accepted input is correct when every document has a non-blank id without whitespace or
/// control characters and a text.
final class CorpusTarget implements HostileReader {

    private static final List<String> VARIANTS = List.of("corpus.jsonl", "corpus.tsv", "corpus.jsonl.gz");

    @Override
    public String name() {
        return "corpus";
    }

    @Override
    public int weight() {
        return 12;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        String name = VARIANTS.get(new Random(c.seed()).nextInt(VARIANTS.size()));
        Path file = c.folder().resolve(name);
        ScratchRoot.copyInto(c.scratch().pristine(name), file);
        ContentKind kind = name.endsWith(".gz") ? ContentKind.GZIP_JSON_LINES
                : name.endsWith(".tsv") ? ContentKind.TEXT_LINES : ContentKind.JSON_LINES;
        return List.of(MutableFile.of(file, kind));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        Path file;
        try (var files = java.nio.file.Files.list(c.folder())) {
            file = files.filter(p -> p.getFileName().toString().startsWith("corpus.")).findFirst()
                    .orElse(c.folder().resolve("corpus.jsonl"));
        }
        int count = 0;
        try (CorpusReader reader = CorpusReader.open(file)) {
            CorpusDocument document;
            while ((document = reader.next()) != null) {
                count++;
                IdCheck.requireTrecId(document.id(), "document id");
                InvariantViolation.check(document.text() != null, "document " + document.id() + " has no text");
            }
        }
        return new Observation.Accepted(count + " documents");
    }
}
