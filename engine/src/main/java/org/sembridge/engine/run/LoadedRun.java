package org.sembridge.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.sembridge.engine.vocab.Vocabulary;

/// A finished run folder opened for inspection: its `run.json`, its per-token alignments and its
/// vocabularies, read lazily.
///
/// Opening reads `run.json` and indexes `alignments.jsonl` (offsets, tokens and kinds only); a
/// token's full record is parsed when asked for. Token lookup accepts the stored string (`##ing`,
/// `▁집`) or the plain word (`집` finds `▁집`, then the continuation `집`, then a case-insensitive
/// match). Thread-safe for reads.
public final class LoadedRun {

    private final Path directory;
    private final RunManifest manifest;
    private final AlignmentsFile alignments;
    private VocabularyFile.Stored source;
    private VocabularyFile.Stored target;
    private CanonicalVocabulary targetCanonical;

    private LoadedRun(Path directory, RunManifest manifest, AlignmentsFile alignments) {
        this.directory = directory;
        this.manifest = manifest;
        this.alignments = alignments;
    }

    /// Opens a run folder written by [TransferRunner].
    ///
    /// @throws InputFormatException naming the folder or file when it is not a run folder or a
    ///     file in it is malformed
    /// @throws IOException when a file cannot be read
    public static LoadedRun open(Path directory) throws IOException, InputFormatException {
        if (!Files.isDirectory(directory)) {
            throw new InputFormatException("run folder " + directory + " does not exist; create it with `sembridge init`");
        }
        RunManifest manifest = RunManifest.read(directory.resolve(RunManifest.FILE_NAME));
        AlignmentsFile alignments = AlignmentsFile.open(directory.resolve(AlignmentsFile.FILE_NAME));
        return new LoadedRun(directory, manifest, alignments);
    }

    /// The run folder.
    public Path directory() {
        return directory;
    }

    /// The adapted model folder (`model/`), loadable with `HfModelFolder.open`.
    public Path modelDirectory() {
        return directory.resolve(AdaptedModelWriter.MODEL_DIR);
    }

    /// The run's `run.json`.
    public RunManifest manifest() {
        return manifest;
    }

    /// Number of target tokens.
    public int targetSize() {
        return alignments.size();
    }

    /// The target tokens by id.
    public List<String> targetTokens() {
        return alignments.tokens();
    }

    /// The kind of target token `id`.
    public TargetTokenKind kind(int id) {
        return alignments.kind(id);
    }

    /// The ids of the target tokens of `kind`, ascending.
    public int[] idsOfKind(TargetTokenKind kind) {
        return IntStream.range(0, targetSize()).filter(id -> alignments.kind(id) == kind).toArray();
    }

    /// The record of target token `id`.
    ///
    /// @throws IndexOutOfBoundsException when `id` is outside `[0, targetSize())`
    public AlignmentRecord token(int id) throws IOException, InputFormatException {
        return alignments.read(id);
    }

    /// The record of the target token `token` (see the class comment for the lookup order).
    public Optional<AlignmentRecord> token(String token) throws IOException, InputFormatException {
        OptionalInt id = idOf(token);
        return id.isPresent() ? Optional.of(alignments.read(id.getAsInt())) : Optional.empty();
    }

    /// The id of target token `token`: the exact stored string, else the word-start form, else
    /// the continuation form, else the case-insensitive form (lowest id each).
    public OptionalInt idOf(String token) throws InputFormatException {
        OptionalInt exact = alignments.idOf(token);
        if (exact.isPresent()) {
            return exact;
        }
        CanonicalVocabulary canonical = targetCanonical();
        for (String form : List.of("▁" + token, token)) {
            int id = canonical.lowestIdWithCanonicalForm(form);
            if (id >= 0) {
                return OptionalInt.of(id);
            }
        }
        int fuzzy = canonical.lowestIdWithFuzzyForm(token.replace("▁", "").toLowerCase(java.util.Locale.ROOT));
        return fuzzy >= 0 ? OptionalInt.of(fuzzy) : OptionalInt.empty();
    }

    /// The source vocabulary the run aligned to (from `source_vocabulary.json`).
    public Vocabulary sourceVocabulary() throws InputFormatException {
        return storedSource().vocabulary();
    }

    /// The target vocabulary (from `target_vocabulary.json`).
    public Vocabulary targetVocabulary() throws InputFormatException {
        return storedTarget().vocabulary();
    }

    /// The target vocabulary with its canonical forms.
    public synchronized CanonicalVocabulary targetCanonical() throws InputFormatException {
        if (targetCanonical == null) {
            targetCanonical = targetVocabulary().canonicalize();
        }
        return targetCanonical;
    }

    private synchronized VocabularyFile.Stored storedSource() throws InputFormatException {
        if (source == null) {
            source = VocabularyFile.read(directory.resolve(VocabularyFile.SOURCE_FILE_NAME));
        }
        return source;
    }

    private synchronized VocabularyFile.Stored storedTarget() throws InputFormatException {
        if (target == null) {
            target = VocabularyFile.read(directory.resolve(VocabularyFile.TARGET_FILE_NAME));
        }
        return target;
    }

    /// The same token in several runs, in the order of `runs`: each run's record of `token`
    /// (looked up in each run on its own), or empty where that run's target vocabulary lacks it.
    public static List<Optional<AlignmentRecord>> compare(List<LoadedRun> runs, String token)
            throws IOException, InputFormatException {
        List<Optional<AlignmentRecord>> records = new ArrayList<>(runs.size());
        for (LoadedRun run : runs) {
            records.add(run.token(token));
        }
        return records;
    }
}
