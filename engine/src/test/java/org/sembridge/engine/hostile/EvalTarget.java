package org.sembridge.engine.hostile;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/// Queries and qrels through `sembridge eval --index DIR --queries FILE --qrels FILE --run OUT
/// --json` on the English demo index, which encodes the queries with the index's encoder,
/// searches and evaluates.
///
/// Accepted input is correct when at least one judged query was evaluated and nDCG@10,
/// Recall@100 and MRR@10 lie in [0, 1].
final class EvalTarget implements HostileReader {

    @Override
    public String name() {
        return "eval (queries+qrels)";
    }

    @Override
    public int weight() {
        return 3;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        boolean json = new Random(c.seed()).nextBoolean();
        String queries = json ? "queries.jsonl" : "queries.tsv";
        ScratchRoot.copyInto(c.scratch().pristine(queries), c.folder().resolve(queries));
        ScratchRoot.copyInto(c.scratch().pristine("qrels.txt"), c.folder().resolve("qrels.txt"));
        MutableFile queryFile = MutableFile.of(c.folder().resolve(queries), json ? ContentKind.JSON_LINES
                : ContentKind.TEXT_LINES);
        MutableFile qrels = MutableFile.of(c.folder().resolve("qrels.txt"), ContentKind.TEXT_LINES);
        return new Random(c.seed() + 1).nextBoolean() ? List.of(queryFile, qrels) : List.of(qrels, queryFile);
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        Path queries = c.folder().resolve(Files.exists(c.folder().resolve("queries.tsv"), LinkOption.NOFOLLOW_LINKS)
                ? "queries.tsv" : "queries.jsonl");
        Files.createDirectories(c.output());
        CliCall call = CliCall.of("eval", "--index", c.scratch().pristine("index").toString(), "--queries",
                queries.toString(), "--qrels", c.folder().resolve("qrels.txt").toString(), "--run",
                c.output().resolve("sparse.run").toString(), "--json");
        if (call.exitCode() != 0) {
            return call.exited();
        }
        JsonObject report = JsonParser.parseString(call.out()).getAsJsonObject();
        JsonObject metrics = report.has("sparse") ? report.getAsJsonObject("sparse") : report;
        InvariantViolation.check(metrics.get("queries").getAsInt() >= 1, "no judged query was evaluated: "
                + CaseClassifier.abbreviate(call.out()));
        for (String metric : List.of("ndcg@10", "recall@100", "mrr@10")) {
            double value = metrics.get(metric).getAsDouble();
            InvariantViolation.check(value >= 0 && value <= 1, metric + " = " + value);
        }
        return new Observation.Accepted(metrics.get("queries") + " queries evaluated");
    }
}
