package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sembridge.engine.eval.RankedDocument;
import org.sembridge.engine.eval.Run;
import org.sembridge.engine.eval.RunReader;

/// A TREC run (`qid Q0 docid rank score tag`) written by `sembridge eval --run` on the demo
/// index, through [RunReader].
///
/// Accepted input is correct when every id is a TREC id ([IdCheck]) and every score is finite.
final class TrecRunTarget implements HostileReader {

    @Override
    public String name() {
        return "trec-run";
    }

    @Override
    public int weight() {
        return 3;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        Path file = c.folder().resolve("trec.run");
        ScratchRoot.copyInto(c.scratch().pristine("trec.run"), file);
        return List.of(MutableFile.of(file, ContentKind.TEXT_LINES));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        Run run = RunReader.read(c.folder().resolve("trec.run"));
        int count = 0;
        for (Map.Entry<String, List<RankedDocument>> query : run.rankings().entrySet()) {
            IdCheck.requireTrecId(query.getKey(), "query id");
            for (RankedDocument doc : query.getValue()) {
                IdCheck.requireTrecId(doc.docId(), "document id");
                InvariantViolation.check(Double.isFinite(doc.score()), "score " + doc.score() + " of " + doc.docId());
                count++;
            }
        }
        return new Observation.Accepted(count + " ranked documents");
    }
}
