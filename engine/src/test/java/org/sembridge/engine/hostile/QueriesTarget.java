package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.sembridge.engine.eval.Topic;
import org.sembridge.engine.eval.TopicsReader;

/// The English demo queries as TSV or JSON lines through [TopicsReader].
///
/// Accepted input is correct when there is at least one query, every id is a TREC id
/// ([IdCheck]) and unique, and every text is non-blank.
final class QueriesTarget implements HostileReader {

    @Override
    public String name() {
        return "queries";
    }

    @Override
    public int weight() {
        return 5;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        boolean json = new Random(c.seed()).nextBoolean();
        String name = json ? "queries.jsonl" : "queries.tsv";
        Path file = c.folder().resolve(name);
        ScratchRoot.copyInto(c.scratch().pristine(name), file);
        return List.of(MutableFile.of(file, json ? ContentKind.JSON_LINES : ContentKind.TEXT_LINES));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        Path file = c.folder().resolve(Files.exists(c.folder().resolve("queries.tsv"),
                java.nio.file.LinkOption.NOFOLLOW_LINKS) ? "queries.tsv" : "queries.jsonl");
        List<Topic> topics = TopicsReader.read(file);
        check(topics);
        return new Observation.Accepted(topics.size() + " queries");
    }

    static void check(List<Topic> topics) {
        Set<String> ids = new HashSet<>();
        for (Topic topic : topics) {
            IdCheck.requireTrecId(topic.id(), "query id");
            InvariantViolation.check(ids.add(topic.id()), "query id " + topic.id() + " twice");
            InvariantViolation.check(!topic.text().isBlank(), "query " + topic.id() + " has a blank text");
        }
    }
}
