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
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.bridge.PrecomputedBridgeVectors;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.transfer.AlignmentOptions;
import org.sembridge.engine.transfer.AlignmentResult;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.TokenAlignment;
import org.sembridge.engine.transfer.TopKSupportSearch;
import org.sembridge.engine.transfer.baseline.Alpha;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.sembridge.engine.transfer.baseline.TransferMethod;
import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.sembridge.engine.vocab.Vocabulary;

/// A finished run folder opened for inspection: its `run.json`, its per-token alignments and its
/// vocabularies, read lazily.
///
/// Opening reads `run.json` and indexes `alignments.jsonl` (offsets, tokens and kinds only); a
/// token's full record is parsed when asked for. Token lookup accepts the stored string (`##ing`,
/// `▁집`) or the plain word (`집` finds `▁집`, then the continuation `집`, then a case-insensitive
/// match). Thread-safe.
///
/// For the workbench's alpha slider it re-aligns from the run's cached bridge vectors without
/// embedding anything: [#realign] one token (tens of milliseconds), [#realignAll] the whole
/// vocabulary (the exact top-K search); [#compare] shows one token across runs, matched by
/// decoded text ([#counterpartOf]) when the runs' tokenizers spell it differently.
public final class LoadedRun {

    private final Path directory;
    private final RunManifest manifest;
    private final AlignmentsFile alignments;
    private final BridgeVectorStore store;
    private BridgeSpace bridgeSpace;
    private VocabularyFile.Stored source;
    private VocabularyFile.Stored target;
    private CanonicalVocabulary targetCanonical;
    private DecodedTextIndex decodedTexts;

    private LoadedRun(Path directory, RunManifest manifest, AlignmentsFile alignments, BridgeVectorStore store) {
        this.directory = directory;
        this.manifest = manifest;
        this.alignments = alignments;
        this.store = store;
    }

    /// Opens a run folder written by [TransferRunner]; re-alignment reads bridge vectors from the
    /// default cache ([BridgeVectorStore#atDefaultLocation()]).
    ///
    /// @throws InputFormatException naming the folder or file when it is not a run folder or a
    ///     file in it is malformed
    /// @throws IOException when a file cannot be read
    public static LoadedRun open(Path directory) throws IOException, InputFormatException {
        return open(directory, BridgeVectorStore.atDefaultLocation());
    }

    /// Opens a run folder; re-alignment reads bridge vectors from `store`'s cache (the store the
    /// run was made with).
    ///
    /// @throws InputFormatException naming the folder or file when it is not a run folder or a
    ///     file in it is malformed
    /// @throws IOException when a file cannot be read
    public static LoadedRun open(Path directory, BridgeVectorStore store) throws IOException, InputFormatException {
        if (!Files.isDirectory(directory)) {
            throw new InputFormatException("run folder " + directory + " does not exist; create it with `sembridge init`");
        }
        RunManifest manifest = RunManifest.read(directory.resolve(RunManifest.FILE_NAME));
        AlignmentsFile alignments = AlignmentsFile.open(directory.resolve(AlignmentsFile.FILE_NAME));
        return new LoadedRun(directory, manifest, alignments, store);
    }

    /// The run folder.
    public Path directory() {
        return directory;
    }

    /// The adapted model folder (`model/`), loadable with `HfModelFolder.open`.
    public Path modelDirectory() {
        return modelDirectory(directory);
    }

    /// The adapted model folder (`model/`) of the run folder `runDirectory`, without opening the
    /// run (no file is read).
    public static Path modelDirectory(Path runDirectory) {
        return runDirectory.resolve(AdaptedModelWriter.MODEL_DIR);
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

    /// The records of target tokens `from` (inclusive) to `to` (exclusive), read in one go: for
    /// passes over the whole run.
    public List<AlignmentRecord> tokens(int from, int to) throws IOException, InputFormatException {
        return alignments.read(from, to);
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

    /// The decoded text of target token `id`, the text the bridge embeds for it (`Ġhouse`,
    /// `▁house` and `house` all read `house`; see [DecodedTextIndex]).
    ///
    /// @throws IndexOutOfBoundsException when `id` is outside `[0, targetSize())`
    public String decodedText(int id) throws InputFormatException {
        return decodedTexts().text(id);
    }

    /// The id in this run of target token `fromId` of run `from`: the same stored string when
    /// both vocabularies spell pieces the same way (one subword scheme), else the token with the
    /// same decoded text (the bridge's rule), preferring one that starts a word as `fromId` does;
    /// empty when this run has neither.
    ///
    /// @throws IndexOutOfBoundsException when `fromId` is outside `from`'s target vocabulary
    public OptionalInt counterpartOf(LoadedRun from, int fromId) throws InputFormatException {
        String stored = from.targetTokens().get(fromId);
        if (from.targetVocabulary().scheme() == targetVocabulary().scheme()) {
            OptionalInt same = alignments.idOf(stored);
            if (same.isPresent()) {
                return same;
            }
        }
        DecodedTextIndex theirs = from.decodedTexts();
        return decodedTexts().idOf(theirs.text(fromId), theirs.startsWord(fromId));
    }

    private synchronized DecodedTextIndex decodedTexts() throws InputFormatException {
        if (decodedTexts == null) {
            decodedTexts = DecodedTextIndex.of(targetCanonical(), storedTarget().bridgeTexts());
        }
        return decodedTexts;
    }

    /// The source tokens by id (of [#sourceVocabulary()]), for callers that need only the texts.
    public List<String> sourceTokens() throws InputFormatException {
        return sourceVocabulary().tokens();
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

    /// The target ids whose rows the method built (every token that is neither an overlap copy
    /// nor a rule row), ascending.
    public int[] builtIds() {
        return IntStream.range(0, targetSize()).filter(id -> !alignments.isCopy(id) && !alignments.isRuleRow(id))
                .toArray();
    }

    /// Interactive re-alignment of one token: its SemBridge weights for another `alpha`, from
    /// the run's cached bridge vectors (never re-embedded), in tens of milliseconds for a
    /// 30,000-token source vocabulary (one similarity row, `nS * D` multiply-adds, and one
    /// entmax solve). The first call reads the bridge vectors (see [#bridgeVectors()]).
    ///
    /// The weights are alpha-entmax over ALL source tokens whatever the run's method (FOCUS and
    /// OFA runs included); an overlap token gets the weights it would have had, with its kind
    /// kept and no `overlap_source`. Similarities are computed in Java, so they may differ from
    /// the run's device GEMM in the last bits of a `float`.
    ///
    /// @param alpha `1 <= alpha <= 8`
    /// @return the record with the new sources, support, entropy and nearest tokens; kind and
    ///     bias as in the run
    /// @throws InputFormatException when the run has no bridge vectors (a statistical method) or
    ///     they are no longer in the cache, or alpha is outside `[1, 8]`
    public AlignmentRecord realign(int targetId, double alpha) throws IOException, InputFormatException {
        requireAlpha(alpha);
        TokenAlignment alignment = bridgeVectors().alignment(targetId, alpha);
        AlignmentRecord stored = alignments.read(targetId);
        List<String> sourceTokens = sourceVocabulary().tokens();
        return AlignmentRecord.built(stored.token(), stored.kind(), alignment, sourceTokens, sourceTokens.size(),
                stored.bias());
    }

    /// Interactive re-alignment of the whole vocabulary: the SemBridge alignments of every
    /// [built token][#builtIds()] for another `alpha`, by the exact [TopKSupportSearch] on the
    /// run's cached bridge vectors (never re-embedded). The same result the run would have had
    /// with this alpha.
    ///
    /// @throws InputFormatException as [#realign]
    /// @throws org.sembridge.engine.OperationCancelledException when `cancel` is set
    public AlignmentResult realignAll(double alpha, SelectedDevice device, ProgressListener progress,
            CancellationToken cancel) throws IOException, SemBridgeException {
        requireAlpha(alpha);
        BridgeSpace space = bridgeVectors();
        return new TopKSupportSearch(device).search(space.targets(), space.sources(), builtIds(),
                AlignmentOptions.of(alpha), progress, cancel);
    }

    /// Reads the run's bridge vectors now, so that the first [#realign] is as fast as the next
    /// ones (at 262,144 target tokens the read takes seconds). A no-op once they are read.
    ///
    /// @throws InputFormatException as [#realign]
    public void prepareRealign() throws IOException, InputFormatException {
        bridgeVectors();
    }

    /// Whether the bridge vectors are read ([#prepareRealign] or a [#realign] happened).
    public synchronized boolean isRealignPrepared() {
        return bridgeSpace != null;
    }

    /// Reads the run's bridge vectors for re-alignment (once; later calls reuse them): from the
    /// precomputed file the run used, or from the bridge-vector cache under the keys in
    /// `run.json`, looked up by the bridge texts stored with the vocabularies.
    ///
    /// @throws InputFormatException when the run used no bridge or the vectors are gone
    synchronized BridgeSpace bridgeVectors() throws IOException, InputFormatException {
        if (bridgeSpace == null) {
            List<String> sourceTexts = storedSource().bridgeTexts();
            List<String> targetTexts = storedTarget().bridgeTexts();
            if (manifest.bridgePath().isEmpty() || sourceTexts.isEmpty() || targetTexts.isEmpty()) {
                throw new InputFormatException("run " + directory + " (method " + manifest.method() + ") used no "
                        + "bridge vectors; re-aligning needs a run made with a bridge (" + bridgeMethods() + ")");
            }
            FloatMatrix sources = lookUp(manifest.sourceBridgeKey(), sourceTexts, "source");
            FloatMatrix targets = lookUp(manifest.targetBridgeKey(), targetTexts, "target");
            bridgeSpace = new BridgeSpace(sources, targets);
        }
        return bridgeSpace;
    }

    private FloatMatrix lookUp(Optional<String> cacheKey, List<String> texts, String role)
            throws InputFormatException {
        Path file = manifest.precomputedBridge() ? manifest.bridgePath().orElseThrow()
                : store.cacheFile(cacheKey.orElseThrow(() -> new InputFormatException(manifest.file()
                        + ": no " + role + "_cache_key for the bridge")));
        if (!Files.isRegularFile(file)) {
            throw new InputFormatException("the " + role + " bridge vectors of run " + directory + " are not at "
                    + file + (manifest.precomputedBridge() ? " any more" : " (the bridge-vector cache was cleared or "
                    + "is elsewhere: give the cache the run was made with, --cache DIR or SEMBRIDGE_CACHE, or run init again "
                    + "with the same source, target tokenizer and bridge, to any --out, which embeds and caches them)"));
        }
        try (PrecomputedBridgeVectors vectors = PrecomputedBridgeVectors.open(file)) {
            return vectors.lookup(texts, role + " vocabulary of run " + directory).vectors();
        }
    }

    private static void requireAlpha(double alpha) throws InputFormatException {
        Alpha.of(alpha);
    }

    /// The registered methods that read bridge vectors: `sembridge, focus or ofa`.
    private static String bridgeMethods() {
        List<String> names = InitializerRegistry.methods().stream().filter(TransferMethod::needsBridgeVectors)
                .map(TransferMethod::name).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    /// The same token in several runs, in the order of `runs`: `token` is looked up (as stored or
    /// as a word, [#idOf]) in the first run that has it, and each other run shows its
    /// [counterpart][#counterpartOf] of that token (so `Ġhouse` finds `▁house` in a SentencePiece
    /// run), else its own lookup of `token`; empty where a run has neither.
    public static List<Optional<AlignmentRecord>> compare(List<LoadedRun> runs, String token)
            throws IOException, InputFormatException {
        LoadedRun reference = null;
        int referenceId = -1;
        for (LoadedRun run : runs) {
            OptionalInt id = run.idOf(token);
            if (id.isPresent()) {
                reference = run;
                referenceId = id.getAsInt();
                break;
            }
        }
        List<Optional<AlignmentRecord>> records = new ArrayList<>(runs.size());
        for (LoadedRun run : runs) {
            OptionalInt id = reference == null ? OptionalInt.empty()
                    : run == reference ? OptionalInt.of(referenceId) : run.counterpartOf(reference, referenceId);
            if (id.isEmpty()) {
                id = run.idOf(token);
            }
            records.add(id.isPresent() ? Optional.of(run.token(id.getAsInt())) : Optional.empty());
        }
        return records;
    }
}
