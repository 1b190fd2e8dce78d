package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sembridge.engine.eval.Qrels;
import org.sembridge.engine.eval.QrelsReader;

/// The English demo qrels (`qid Q0 docid rel`) through [QrelsReader].
///
/// Accepted input is correct when every query and document id is a TREC id ([IdCheck]).
final class QrelsTarget implements HostileReader {

    @Override
    public String name() {
        return "qrels";
    }

    @Override
    public int weight() {
        return 5;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        Path file = c.folder().resolve("qrels.txt");
        ScratchRoot.copyInto(c.scratch().pristine("qrels.txt"), file);
        return List.of(MutableFile.of(file, ContentKind.TEXT_LINES));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        Qrels qrels = QrelsReader.read(c.folder().resolve("qrels.txt"));
        for (Map.Entry<String, Map<String, Integer>> query : qrels.judgements().entrySet()) {
            IdCheck.requireTrecId(query.getKey(), "query id");
            query.getValue().keySet().forEach(doc -> IdCheck.requireTrecId(doc, "document id"));
        }
        return new Observation.Accepted(qrels.judgementCount() + " judgements");
    }
}
