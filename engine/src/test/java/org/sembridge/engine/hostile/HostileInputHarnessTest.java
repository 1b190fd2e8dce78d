package org.sembridge.engine.hostile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/// The hostile-input harness of the engine: seeded mutations of every reader's input, each case
/// classified as a clean error, a correct acceptance, or a failure (see [HostileInputHarness]).
///
/// CI runs the default subset (3,000 cases, seed 20261206). The full run is one command:
///
/// ```
/// ./mvnw -pl engine test -Dtest=HostileInputHarnessTest -Dhostile.cases=12000
/// ```
///
/// Options (system properties): `hostile.seed` (default 20261206), `hostile.cases` (3000),
/// `hostile.first` (first case number, 0), `hostile.case` (run only this case: reproduce a
/// failure), `hostile.readers` (comma-separated reader names, default all),
/// `hostile.timeout.seconds` (per case, 10), `hostile.scratch` (the scratch folder,
/// `target/hostile-input`). The seed and a per-reader / per-class table are
/// printed; every failure is listed with its case number and mutations.
class HostileInputHarnessTest {

    static final long DEFAULT_SEED = 20261206L;
    static final int DEFAULT_CASES = 3000;

    /// Every reader of the engine under hostile input.
    static List<HostileReader> readers() {
        return List.of(new SafetensorsTarget(), new ShardIndexTarget(), new ConfigTarget(), new TokenizerTarget(),
                new VocabTxtTarget(), new SentenceTransformersTarget(), new InitTarget(), new CorpusTarget(),
                new IndexTarget(), new QueriesTarget(), new QrelsTarget(), new TrecRunTarget(), new EvalTarget(),
                new LexiconTarget(), new RunFolderTarget(), new ExperimentConfigTarget());
    }

    @Test
    void everyHostileInputEndsInACleanErrorOrACorrectAcceptance() throws Exception {
        long seed = Long.getLong("hostile.seed", DEFAULT_SEED);
        int cases = Integer.getInteger("hostile.cases", DEFAULT_CASES);
        int first = Integer.getInteger("hostile.first", 0);
        Integer only = Integer.getInteger("hostile.case");
        long timeout = Long.getLong("hostile.timeout.seconds", 10);
        String filter = System.getProperty("hostile.readers", "");
        Set<String> names = Arrays.stream(filter.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        List<HostileReader> readers = readers().stream()
                .filter(r -> names.isEmpty() || names.contains(r.name()) || names.contains(r.name().split(" ")[0]))
                .toList();
        Path repo = Path.of(System.getProperty("sembridge.repo.root", "..")).toAbsolutePath().normalize();
        long setup = System.nanoTime();
        ScratchRoot scratch = Fixtures.create(Path.of(System.getProperty("hostile.scratch", "target/hostile-input"))
                .toAbsolutePath(), repo);
        System.out.printf(java.util.Locale.ROOT, "hostile-input harness: fixtures made in %.1f s%n",
                (System.nanoTime() - setup) / 1e9);

        HostileInputHarness harness = new HostileInputHarness(scratch, readers, timeout);
        HarnessReport report = only != null ? harness.run(seed, only, 1) : harness.run(seed, first, cases);

        report.print(System.out);
        List<HarnessReport.Failure> failures = report.failures();
        failures.stream().limit(200).forEach(f -> System.out.println("  FAIL " + f));
        assertTrue(failures.isEmpty(), failures.size() + " of " + report.cases() + " hostile cases failed (seed "
                + seed + "); first: " + failures.stream().limit(5).map(Object::toString).toList());
    }
}
