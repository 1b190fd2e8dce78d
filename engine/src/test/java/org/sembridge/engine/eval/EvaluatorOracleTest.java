package org.sembridge.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SequencedMap;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.gla.terrier.jtreceval.trec_eval;

/// Checks [Evaluator] against trec_eval 9.0.4 itself (the binaries bundled in jtreceval) on random
/// qrels and runs: ties, unjudged documents, judged queries without a ranking, run queries without
/// judgements, rankings longer than 100, graded relevance 0..3.
class EvaluatorOracleTest {

    /// trec_eval prints 4 decimals.
    private static final double PRINTED_PRECISION = 0.5e-4 + 1e-9;

    @TempDir
    Path dir;

    @Test
    void metricsEqualTrecEvalOnRandomRunsAndQrels() throws Exception {
        long seed = Long.getLong("sembridge.test.seed", System.nanoTime());
        System.out.println("metricsEqualTrecEvalOnRandomRunsAndQrels seed = " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 5; round++) {
            Qrels qrels = randomQrels(random);
            Run run = randomRun(random, qrels);
            Path qrelsFile = dir.resolve("qrels-" + round + ".txt");
            StringBuilder text = new StringBuilder();
            qrels.judgements().forEach((q, grades) -> grades.forEach((d, g) -> text.append(q).append(" 0 ").append(d)
                    .append(' ').append(g).append('\n')));
            Files.writeString(qrelsFile, text);
            Path runFile = dir.resolve("run-" + round + ".txt");
            RunWriter.write(runFile, run, "random");

            EvaluationReport report = Evaluator.evaluate(qrels, RunReader.read(runFile));
            Map<String, QueryEvaluation> byQuery = new HashMap<>();
            report.perQuery().forEach(e -> byQuery.put(e.queryId(), e));

            String[][] main = trecEval("-c", "-M", "100", "-m", "ndcg_cut.10", "-m", "recall.100", "-q",
                    qrelsFile.toString(), runFile.toString());
            String[][] mrr = trecEval("-c", "-M", "10", "-m", "recip_rank", "-q", qrelsFile.toString(),
                    runFile.toString());
            int compared = 0;
            for (String[][] output : List.of(main, mrr)) {
                for (String[] row : output) {
                    double expected = Double.parseDouble(row[2]);
                    double actual = switch (row[0]) {
                        case "ndcg_cut_10" -> row[1].equals("all") ? report.ndcgAt10() : byQuery.get(row[1]).ndcgAt10();
                        case "recall_100" -> row[1].equals("all")
                                ? report.recallAt100() : byQuery.get(row[1]).recallAt100();
                        case "recip_rank" -> row[1].equals("all") ? report.mrrAt10() : byQuery.get(row[1]).mrrAt10();
                        default -> throw new AssertionError("unexpected trec_eval row " + String.join(" ", row));
                    };
                    assertEquals(expected, actual, PRINTED_PRECISION,
                            "seed " + seed + ", round " + round + ": " + String.join(" ", row));
                    compared++;
                }
            }
            // At least the three "all" rows; per-query rows depend on the seed (queries without a
            // ranking print none), so a fixed larger bound would be flaky.
            assertTrue(compared >= 3, "trec_eval printed too little: " + compared + " rows");
        }
    }

    private static String[][] trecEval(String... args) {
        trec_eval evaluator = new trec_eval();
        String[][] output = evaluator.runAndGetOutput(args);
        assertEquals(0, evaluator.getLastExitCode(), "trec_eval exit code");
        return output;
    }

    private static Qrels randomQrels(Random random) {
        SequencedMap<String, Map<String, Integer>> judgements = new LinkedHashMap<>();
        int queries = 10 + random.nextInt(20);
        for (int q = 0; q < queries; q++) {
            Map<String, Integer> grades = new LinkedHashMap<>();
            int judged = 1 + random.nextInt(25);
            boolean noneRelevant = random.nextInt(8) == 0;
            for (int j = 0; j < judged; j++) {
                grades.put("D" + random.nextInt(150), noneRelevant ? 0 : random.nextInt(4));
            }
            judgements.put("q" + q, grades);
        }
        return new Qrels(judgements);
    }

    private static Run randomRun(Random random, Qrels qrels) {
        SequencedMap<String, List<RankedDocument>> rankings = new LinkedHashMap<>();
        List<String> queries = new ArrayList<>(qrels.queryIds());
        queries.add("unjudged1");
        queries.add("unjudged2");
        for (String query : queries) {
            if (random.nextInt(6) == 0) {
                continue; // judged query without a ranking, or unjudged query left out
            }
            Set<String> documents = new LinkedHashSet<>();
            int length = 1 + random.nextInt(140);
            while (documents.size() < length) {
                documents.add("D" + random.nextInt(180));
            }
            List<RankedDocument> ranking = new ArrayList<>();
            for (String document : documents) {
                // One decimal makes ties common; floats so that the file round-trips exactly.
                float score = random.nextBoolean() ? Math.round(random.nextFloat() * 30) / 10f : random.nextFloat() * 3;
                ranking.add(new RankedDocument(document, score));
            }
            rankings.put(query, ranking);
        }
        return new Run(rankings);
    }
}
