package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.sembridge.engine.index.SparseIndex;

/// The first 12 documents of the English demo corpus (JSON lines or gzip) through `sembridge
/// index` with the sample encoder, writing the index to the case's output folder.
///
/// Accepted input is correct when the published index opens, holds between 1 and 12 documents
/// and nothing in it leads outside ([OutputCheck]).
final class IndexTarget implements HostileReader {

    @Override
    public String name() {
        return "index (corpus)";
    }

    @Override
    public int weight() {
        return 2;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        boolean gz = new Random(c.seed()).nextInt(3) == 0;
        String name = gz ? "small-corpus.jsonl.gz" : "small-corpus.jsonl";
        Path file = c.folder().resolve(name);
        ScratchRoot.copyInto(c.scratch().pristine(name), file);
        return List.of(MutableFile.of(file, gz ? ContentKind.GZIP_JSON_LINES : ContentKind.JSON_LINES));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        Path corpus = c.folder().resolve(java.nio.file.Files.exists(c.folder().resolve("small-corpus.jsonl"),
                java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "small-corpus.jsonl" : "small-corpus.jsonl.gz");
        CliCall call = CliCall.of("index", "--model", c.scratch().pristine("splade").toString(), "--corpus",
                corpus.toString(), "--index", c.output().toString(), "--device", "cpu");
        if (call.exitCode() != 0) {
            return call.exited();
        }
        OutputCheck.requireConfined(c.output());
        try (SparseIndex index = SparseIndex.open(c.output())) {
            InvariantViolation.check(index.documentCount() >= 1 && index.documentCount() <= 12,
                    index.documentCount() + " documents indexed from at most 12");
            return new Observation.Accepted(index.documentCount() + " documents");
        }
    }
}
