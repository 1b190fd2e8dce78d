package org.sembridge.engine.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/// Runs seeded hostile cases against a list of [HostileReader]s and classifies each one.
///
/// Case `i` of a run with seed `s` gets its own seed from `(s, i)`, which picks the reader
/// (by [HostileReader#weight()]), the files to mutate and the mutations; so a run is
/// reproducible and a single case can be rerun alone. Each case:
///
/// 1. lays out its input in a fresh folder under `cases/` and mutates one to three files with
///    the [InputMutator];
/// 2. snapshots the scratch root ([SentinelTree]: the pristine inputs, the `outside/` sentinel
///    folder, the case's own inputs; only the case's output folder and the bridge cache may
///    change) and the working directory's entries;
/// 3. runs the reader on a worker thread with a timeout (a case still running then is a `hang`);
/// 4. classifies the result ([CaseClassifier]) and then overrides it with `write-outside` or
///    `deletion` when the snapshot changed;
/// 5. removes the case folder (and restores `outside/` if the case touched it).
///
/// The case being run is written to `current-case.txt` in the scratch root first, so a crash
/// of the JVM (native code) still says which case did it.
public final class HostileInputHarness {

    private final ScratchRoot scratch;
    private final List<HostileReader> readers;
    private final InputMutator mutator = new InputMutator();
    private final long timeoutSeconds;
    private ExecutorService worker;

    /// A harness over `readers` with pristine inputs from `scratch`.
    public HostileInputHarness(ScratchRoot scratch, List<HostileReader> readers, long timeoutSeconds) {
        this.scratch = scratch;
        this.readers = List.copyOf(readers);
        this.timeoutSeconds = timeoutSeconds;
    }

    /// Runs cases `first` to `first + count - 1` of the run with `seed`.
    public HarnessReport run(long seed, int first, int count) {
        HarnessReport report = new HarnessReport(seed);
        long start = System.nanoTime();
        worker = newWorker();
        try {
            for (int index = first; index < first + count; index++) {
                runCase(seed, index, report);
                if ((index - first + 1) % 1000 == 0) {
                    System.out.printf(java.util.Locale.ROOT, "hostile-input harness: %d cases done, %d failures, %.0f s%n",
                            index - first + 1, report.failures().size(), (System.nanoTime() - start) / 1e9);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        report.finish(System.nanoTime() - start);
        return report;
    }

    private void runCase(long seed, int index, HarnessReport report) {
        long caseSeed = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L)).nextLong();
        Random random = new Random(caseSeed);
        HostileReader reader = pick(random);
        Path folder = scratch.cases().resolve(index + "-" + reader.name().replaceAll("[^a-zA-Z0-9.-]", "_"));
        HostileCase hostileCase = new HostileCase(index, caseSeed, folder, scratch);
        List<Mutation> mutations = new ArrayList<>();
        long start = System.nanoTime();
        try {
            Files.createDirectories(folder);
            List<MutableFile> files = reader.prepare(hostileCase);
            EscapePayloads escapes = new EscapePayloads(scratch.root(), scratch.outside(), folder);
            int count = random.nextInt(100) < 80 ? 1 : random.nextInt(100) < 75 ? 2 : 3;
            for (int i = 0; i < count; i++) {
                MutableFile file = random.nextInt(100) < 60 ? files.getFirst() : files.get(random.nextInt(files.size()));
                mutations.add(mutator.mutate(file, random, escapes));
            }
            Files.writeString(scratch.root().resolve("current-case.txt"),
                    "case " + index + " seed " + caseSeed + " reader " + reader.name() + " " + mutations + "\n");
            Set<Path> allowed = Set.of(hostileCase.output(), scratch.cache(), scratch.root().resolve("current-case.txt"));
            SentinelTree before = SentinelTree.take(scratch.root(), allowed);
            List<String> cwdBefore = entries(Path.of("").toAbsolutePath());
            Outcome outcome = exercise(reader, hostileCase, mutations);
            List<String> changes = before.differences(SentinelTree.take(scratch.root(), allowed));
            List<String> cwdAfter = entries(Path.of("").toAbsolutePath());
            cwdAfter.removeAll(cwdBefore);
            cwdAfter.forEach(name -> changes.add("created ./" + name + " in the working directory"));
            if (!changes.isEmpty()) {
                boolean deleted = changes.stream().anyMatch(c -> c.startsWith("deleted ") || c.startsWith("changed "));
                outcome = Outcome.failure(deleted ? "deletion" : "write-outside",
                        changes.subList(0, Math.min(5, changes.size())) + " after " + outcome.verdict() + " "
                                + CaseClassifier.abbreviate(outcome.detail()));
                scratch.resetOutside();
            }
            report.add(index, reader.name(), mutations, outcome, System.nanoTime() - start);
        } catch (IOException e) {
            throw new UncheckedIOException("hostile case " + index + " (" + reader.name() + ") could not be set up", e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private Outcome exercise(HostileReader reader, HostileCase hostileCase, List<Mutation> mutations) {
        Future<Observation> future = worker.submit(() -> reader.exercise(hostileCase));
        try {
            return CaseClassifier.of(future.get(timeoutSeconds, TimeUnit.SECONDS), hostileCase, mutations);
        } catch (ExecutionException e) {
            return CaseClassifier.of(e.getCause(), hostileCase, mutations);
        } catch (TimeoutException e) {
            future.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return Outcome.failure("hang", "still running after " + timeoutSeconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HostileReader pick(Random random) {
        int total = readers.stream().mapToInt(HostileReader::weight).sum();
        int roll = random.nextInt(total);
        for (HostileReader reader : readers) {
            roll -= reader.weight();
            if (roll < 0) {
                return reader;
            }
        }
        throw new IllegalStateException("weights");
    }

    private static void deleteQuietly(Path folder) {
        try {
            ScratchRoot.deleteTree(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the case folder " + folder, e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("hostile-case").daemon(true).factory());
    }

    private static List<String> entries(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return new ArrayList<>(entries.map(p -> p.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
