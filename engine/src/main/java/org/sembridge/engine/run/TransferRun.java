package org.sembridge.engine.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.bridge.BridgeVectors;
import org.sembridge.engine.encoder.SelectedDevice;
import org.sembridge.engine.io.AtomicFiles;
import org.sembridge.engine.io.OutputMarker;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.ModelWeights;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.provenance.ContentHash;
import org.sembridge.engine.provenance.ProvenanceRecorder;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.transfer.TokenAlignment;
import org.sembridge.engine.transfer.baseline.EmbeddingInitializer;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.sembridge.engine.bridge.BridgeTexts;
import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.sembridge.engine.vocab.MatchKind;
import org.sembridge.engine.vocab.OverlapMap;
import org.sembridge.engine.vocab.OverlapMatcher;
import org.sembridge.engine.vocab.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// One execution of a [TransferRequest]: the stages of the package guide, holding the state they
/// pass on. Used once by [TransferRunner#run].
final class TransferRun {

    private static final Logger LOG = LoggerFactory.getLogger(TransferRun.class);

    private final TransferRequest request;
    private final BridgeVectorStore store;
    private final ContentHash hashes;
    private final FileWriteGate gate;
    private final ProgressListener progress;
    private final CancellationToken cancel;
    private final StageTimings stages;
    private CanonicalVocabulary targetCanonical;
    private TargetRowRules rules;
    private int whitespacePieces;
    private int bridgeUnknownTexts = -1;
    private List<String> bridgeUnknownExamples = List.of();
    private final RunManifestBuilder manifest = new RunManifestBuilder();

    private String methodName;
    private SelectedDevice device;
    private HfModelFolder source;
    private TargetTokenizerFolder target;
    private Vocabulary sourceVocabulary;
    private Vocabulary targetVocabulary;
    private OverlapMap overlap;
    private int[] newIds;
    private List<String> sourceBridgeTexts = List.of();
    private List<String> targetBridgeTexts = List.of();

    TransferRun(TransferRequest request, BridgeVectorStore store, ContentHash hashes, FileWriteGate gate,
            ProgressListener progress, CancellationToken cancel) {
        this.request = request;
        this.store = store;
        this.hashes = hashes;
        this.gate = gate;
        this.cancel = cancel;
        this.stages = new StageTimings(progress);
        this.progress = stages.listener();
    }

    TransferSummary execute() throws SemBridgeException, IOException {
        stages.start("checking inputs");
        EmbeddingInitializer initializer = InitializerRegistry.create(request.method(), request.alpha());
        methodName = initializer.name();
        if (initializer.needsBridge() && request.bridge() == null) {
            throw new InputFormatException("method " + initializer.name() + " needs a bridge (--bridge: a "
                    + "sentence-encoder model folder or a precomputed bridge-vector file); mean, random, gauss and "
                    + "mvgauss do not");
        }
        device = request.device().select();
        ProvenanceRecorder recorder = ProvenanceRecorder.start(device.name(), device.reason());
        manifest.request(request, initializer, device);
        cancel.throwIfCancelled("the transfer");

        stages.start("loading the source model");
        source = HfModelFolder.open(request.source());
        try (ModelWeights weights = source.openWeights();
                TextTokenizer sourceTokenizer = source.openTokenizer()) {
            SourceMatrices matrices = SourceMatrices.read(weights, sourceTokenizer.vocabSize(), request.biasMode());
            manifest.source(source, matrices);
            cancel.throwIfCancelled("the transfer");

            stages.start("loading the target tokenizer");
            target = TargetTokenizerFolder.resolve(request.targetTokenizer());
            try (TextTokenizer targetTokenizer = target.load(source.maxTokens())) {
                matchVocabularies(sourceTokenizer, targetTokenizer);
                cancel.throwIfCancelled("the transfer");
                Built built = build(initializer, matrices, sourceTokenizer, targetTokenizer);
                stages.start("hashing inputs");
                manifest.inputs(hashes.ofModelFolder(source.directory()),
                        hashes.ofTokenizerFolder(target.folder()), target.folder());
                return write(weights, built, matrices, recorder);
            }
        }
    }

    /// Canonicalises both vocabularies and finds the overlap copies. (An empty vocabulary never
    /// gets here: the tokenizer loader refuses it, naming the file.)
    private void matchVocabularies(TextTokenizer sourceTokenizer, TextTokenizer targetTokenizer) {
        stages.start("matching vocabularies");
        sourceVocabulary = Vocabulary.of(sourceTokenizer.tokens(), sourceTokenizer.specialTokenIds());
        targetVocabulary = Vocabulary.of(targetTokenizer.tokens(), targetTokenizer.specialTokenIds());
        targetCanonical = targetVocabulary.canonicalize();
        overlap = OverlapMatcher.match(sourceVocabulary.canonicalize(), targetCanonical, request.overlap());
        decideRules(new boolean[targetVocabulary.size()]);
        whitespacePieces = 0;
        for (int id = 0; id < targetVocabulary.size(); id++) {
            if (!targetVocabulary.isSpecial(id) && BridgeTexts.whitespaceName(
                    targetVocabulary.scheme().surfaceText(targetVocabulary.tokens().get(id))) != null) {
                whitespacePieces++;
            }
        }
        LOG.info("Target vocabulary {}: {} tokens, {} copied from the source ({} exact, {} fuzzy, {} symbol, {} special "
                + "role), {} reserved and {} raw-byte entries filled by rule, {} to build",
                targetTokenizer.source(), targetVocabulary.size(), overlap.matchedCount(),
                overlap.count(MatchKind.EXACT), overlap.count(MatchKind.FUZZY), overlap.count(MatchKind.SYMBOL),
                overlap.count(MatchKind.SPECIAL_ROLE), rules.reservedCount(), rules.rawByteCount(), newIds.length);
        List<String> newTexts = new ArrayList<>(newIds.length);
        for (int id : newIds) {
            newTexts.add(targetVocabulary.scheme().surfaceText(targetVocabulary.tokens().get(id)));
        }
        manifest.language(TargetLanguage.resolve(Optional.of(request.language()), request.targetTokenizer(), newTexts,
                this::lexiconLanguages));
    }

    /// The request's lexicon columns the target vocabulary covers; none without a lexicon, or
    /// when it cannot be read (the languages are a label: a broken lexicon does not stop a run).
    private List<String> lexiconLanguages() {
        if (request.lexicon() == null) {
            return List.of();
        }
        try {
            return LexiconLanguages.covered(request.lexicon(), targetCanonical);
        } catch (IOException | InputFormatException e) {
            LOG.warn("The languages the target vocabulary covers are not recorded: {}", e.getMessage());
            return List.of();
        }
    }

    /// Decides the rule rows and the tokens the method builds (`newIds`).
    private void decideRules(boolean[] bridgeUnknown) {
        int[] copiedFrom = overlap.sourceIds();
        rules = TargetRowRules.decide(targetCanonical, copiedFrom, bridgeUnknown, request.unknownBridge());
        newIds = IntStream.range(0, copiedFrom.length)
                .filter(id -> copiedFrom[id] < 0 && rules.rule(id) == TargetRowRules.Rule.NONE).toArray();
    }

    /// Bridge vectors (when needed), the plan, and the target matrices.
    private Built build(EmbeddingInitializer initializer, SourceMatrices matrices,
            TextTokenizer sourceTokenizer, TextTokenizer targetTokenizer) throws SemBridgeException, IOException {
        FloatMatrix sourceBridge = null;
        FloatMatrix targetBridge = null;
        if (overlap.count(MatchKind.NONE) == 0) {
            manifest.noOp(noOpReason());
            LOG.warn("No-op transfer: {}", noOpReason());
        } else if (newIds.length > 0 && initializer.needsBridge()) {
            try (RunBridge bridge = RunBridge.open(request.bridge(), device, hashes)) {
                BridgeVectors sourceVectors = bridge.vectors("source", sourceTokenizer, store, stages, progress,
                        cancel);
                BridgeVectors targetVectors = bridge.vectors("target", targetTokenizer, store, stages, progress,
                        cancel);
                BridgeVectors.requireSameDimension(sourceVectors, targetVectors);
                BridgeVectorCheck.requireUsable(sourceVectors, "source", sourceVocabulary);
                BridgeVectorCheck.requireUsable(targetVectors, "target", targetVocabulary);
                markBridgeUnknown(targetVectors, bridge.unknownVector(cancel));
                bridge.recordHash(hashes);
                manifest.bridge(bridge.record());
                sourceBridge = sourceVectors.vectors();
                targetBridge = targetVectors.vectors();
                sourceBridgeTexts = sourceVectors.texts();
                targetBridgeTexts = targetVectors.texts();
            }
        } else if (request.bridge() != null) {
            manifest.decision("method " + initializer.name() + " reads no bridge vectors; the bridge "
                    + request.bridge() + " was not used");
        }
        cancel.throwIfCancelled("the transfer");
        stages.start("planning " + initializer.name());
        int[] copiedFrom = rules.withRuleRows(overlap.sourceIds());
        MatrixTransfer transfer = MatrixTransfer.plan(initializer, matrices.planEmbeddings(), sourceBridge,
                targetBridge, copiedFrom, request.seed(), device, progress, cancel);
        cancel.throwIfCancelled("the transfer");
        stages.start("building the target matrices");
        List<FloatMatrix> mapped = transfer.apply(matrices.mappedMatrices(), progress, cancel);
        rules.fill(mapped, matrices.mappedMatrices(), matrices.planEmbeddings().rows());
        recordRuleDecisions();
        manifest.alignments(transfer.alignments(), sourceVocabulary.size(), request.alpha(), initializer.method());
        return new Built(TargetMatrices.of(matrices, mapped, targetVocabulary.size()), transfer.alignments());
    }

    /// Flags the target tokens whose bridge vector is the bridge's unknown-token vector, counts
    /// their distinct texts, warns with examples, and re-decides the rules (the `mean` option
    /// takes those rows out of the method).
    private void markBridgeUnknown(BridgeVectors targetVectors, float[] unknownVector) {
        if (unknownVector == null) {
            manifest.decision("bridge unknown texts: not checked (the bridge names no unknown token, or the "
                    + "precomputed file holds no [UNK]/<unk> text)");
            bridgeUnknownTexts = -1;
            return;
        }
        boolean[] flags = TargetRowRules.nearUnknown(targetVectors.vectors(), unknownVector);
        int[] copiedFrom = overlap.sourceIds();
        java.util.Set<String> texts = new java.util.LinkedHashSet<>();
        for (int id = 0; id < flags.length; id++) {
            flags[id] &= copiedFrom[id] < 0;
            if (flags[id]) {
                texts.add(targetVectors.texts().get(id));
            }
        }
        bridgeUnknownTexts = texts.size();
        bridgeUnknownExamples = texts.stream().limit(10).toList();
        decideRules(flags);
        if (!texts.isEmpty()) {
            LOG.warn("{} target bridge texts ({} rows without a copy) embed like the bridge's unknown token (within {} "
                    + "cosine), e.g. {}; their rows get {}", texts.size(), rules.bridgeUnknownCount(),
                    TargetRowRules.UNKNOWN_COSINE_TOLERANCE, bridgeUnknownExamples,
                    request.unknownBridge() == UnknownBridgeRule.MEAN ? "the mean of the source rows (--unknown-bridge "
                            + "mean)" : "the method's weights like any token (--unknown-bridge entmax)");
        }
    }

    /// The decision lines of the rules (item by item, with counts).
    private void recordRuleDecisions() {
        manifest.decision("special tokens by role: " + (request.overlap().specialsByRole()
                ? "on (--map-specials): " + overlap.count(MatchKind.SPECIAL_ROLE) + " target specials copied from the "
                        + "source special of the same role (cls/bos, sep/eos, unk, pad, mask)"
                : "off (--no-map-specials, the paper's behaviour): specials are matched by spelling only"));
        manifest.decision("byte pieces: a SentencePiece byte-fallback token of a printable ASCII byte (<0x21>..<0x7E>) "
                + "is that character for the overlap copy");
        manifest.decision("whitespace pieces: " + whitespacePieces + " target tokens made only of whitespace or control "
                + "characters (newline, tab, runs of spaces in any spelling: <0x0A>, \\n, Ċ, ĉ, ĠĠ, ▁▁) are bridged "
                + "with a named text (newline, tab, 2 spaces, ...; bridge-text rule version " + BridgeTexts.RULE_VERSION
                + ")");
        manifest.decision("raw bytes: " + rules.rawByteCount() + " target tokens that stand for bytes, not characters "
                + "(<0x80>..<0xFF>, control bytes, byte-level pieces of a multi-byte character), get the mean of the "
                + "rows of the target tokens containing those bytes (" + rules.rawBytesWithoutContributors()
                + " contained in no token got the mean of the source rows)");
        manifest.decision("reserved entries: " + rules.reservedCount() + " target tokens spelled like reserved or unused "
                + "entries (<unusedN>, [unusedN], <|reserved_special_token_N|>, <extra_id_N>) get the mean of the "
                + "source rows");
        manifest.decision(bridgeUnknownTexts < 0 ? "unknown bridge texts: not checked"
                : "unknown bridge texts: " + bridgeUnknownTexts + " target bridge texts (" + rules.bridgeUnknownCount()
                        + " rows without a copy) embed like the bridge's unknown token; rule "
                        + request.unknownBridge().cliName() + (request.unknownBridge() == UnknownBridgeRule.MEAN
                                ? " (the mean of the source rows)" : " (the method's weights, as any token)")
                        + (bridgeUnknownExamples.isEmpty() ? "" : "; e.g. " + bridgeUnknownExamples));
    }

    /// The target matrices and the alignments of the built tokens (in `newIds` order).
    private record Built(TargetMatrices matrices, List<TokenAlignment> alignments) {
    }

    private String noOpReason() {
        return sourceVocabulary.tokens().equals(targetVocabulary.tokens())
                ? "the target tokenizer has the same vocabulary as the source model; every token is copied and the "
                        + "adapted model's embeddings equal the source's"
                : "every target token matches a source token; every row is copied and the method builds nothing";
    }

    private TransferSummary write(ModelWeights weights, Built built, SourceMatrices matrices,
            ProvenanceRecorder recorder) throws SemBridgeException, IOException {
        stages.start("writing the run folder");
        Path staging = AtomicFiles.createStagingDirectory(request.out());
        try {
            List<ConfigEdit> edits = new AdaptedModelWriter(gate).write(staging.resolve(AdaptedModelWriter.MODEL_DIR),
                    source, weights, target, targetVocabulary.tokens(), built.matrices().replacedTensors(matrices));
            manifest.configEdits(edits);
            ModelFolderCheck.Report check = ModelFolderCheck.requireConsistent(
                    staging.resolve(AdaptedModelWriter.MODEL_DIR));
            manifest.decision("exported model checked (config.json vs tensors vs tokenizer): vocab_size "
                    + check.vocabSize() + " in every vocabulary-sized tensor " + check.vocabularyTensors()
                    + ", pad_token_id " + check.padTokenId() + " is the tokenizer's, " + check.usablePositions()
                    + " usable positions cover model_max_length");
            cancel.throwIfCancelled("the transfer");
            writeAlignments(staging.resolve(AlignmentsFile.FILE_NAME), built);
            writeVocabulary(staging.resolve(VocabularyFile.SOURCE_FILE_NAME), sourceVocabulary, sourceBridgeTexts);
            writeVocabulary(staging.resolve(VocabularyFile.TARGET_FILE_NAME), targetVocabulary, targetBridgeTexts);
            stages.end();
            manifest.counts(counts()).timings(stages.seconds(), stages.totalSeconds()).estimates(stages.estimates())
                    .provenance(recorder.finish());
            Path manifestFile = staging.resolve(RunManifest.FILE_NAME);
            gate.beforeWrite(manifestFile);
            AtomicFiles.writeString(manifestFile, manifest.toJson());
            OutputMarker.write(staging, TransferRunner.OUTPUT_KIND);
            cancel.throwIfCancelled("the transfer");
            AtomicFiles.publishDirectory(staging, request.out());
        } catch (SemBridgeException | IOException | RuntimeException | Error e) {
            discard(staging, e);
            throw e;
        }
        Map<String, Integer> counts = counts();
        TransferSummary summary = new TransferSummary(request.out(), methodName, targetVocabulary.size(),
                counts.get("overlap"), counts.get("new"), counts.get("special"), overlap.count(MatchKind.NONE) == 0,
                overlap.count(MatchKind.NONE) == 0 ? noOpReason() : "", device.name(), stages.seconds(), stages.totalSeconds());
        LOG.info("Transfer {} -> {} with {} written to {}: {} target tokens ({} overlap, {} new, {} special) in {} s",
                request.source(), request.targetTokenizer(), methodName, request.out(), summary.targetTokens(),
                summary.overlapTokens(), summary.newTokens(), summary.specialTokens(),
                String.format("%.2f", summary.totalSeconds()));
        return summary;
    }

    private static void discard(Path staging, Throwable failure) {
        try {
            AtomicFiles.deleteRecursively(staging);
        } catch (IOException e) {
            failure.addSuppressed(e);
            LOG.warn("Could not delete the staging folder {} after a failed run", staging, e);
        }
    }

    private void writeAlignments(Path file, Built built) throws IOException {
        gate.beforeWrite(file);
        int[] newIndex = new int[targetVocabulary.size()];
        Arrays.fill(newIndex, -1);
        for (int k = 0; k < newIds.length; k++) {
            newIndex[newIds[k]] = k;
        }
        List<String> sourceTokens = sourceVocabulary.tokens();
        List<String> targetTokens = targetVocabulary.tokens();
        List<TokenAlignment> alignments = built.alignments();
        AlignmentsFile.write(file, targetTokens.size(), id -> {
            TargetTokenKind kind = kindOf(id);
            float bias = built.matrices().biasOf(id);
            int sourceId = overlap.sourceId(id);
            if (sourceId >= 0) {
                return AlignmentRecord.copied(id, targetTokens.get(id), kind, sourceId, sourceTokens.get(sourceId),
                        bias);
            }
            boolean unknown = rules.isBridgeUnknown(id);
            if (rules.rule(id) != TargetRowRules.Rule.NONE || alignments.isEmpty()) {
                return AlignmentRecord.drawn(id, targetTokens.get(id), kind, bias)
                        .withRule(rules.rule(id).jsonName(), unknown);
            }
            return AlignmentRecord.built(targetTokens.get(id), kind, alignments.get(newIndex[id]), sourceTokens,
                    sourceTokens.size(), bias).withRule("", unknown);
        });
    }

    private void writeVocabulary(Path file, Vocabulary vocabulary, List<String> bridgeTexts) throws IOException {
        gate.beforeWrite(file);
        VocabularyFile.write(file, vocabulary, bridgeTexts);
    }

    private TargetTokenKind kindOf(int id) {
        if (rules.isReserved(id)) {
            return TargetTokenKind.RESERVED;
        }
        if (rules.isRawBytes(id)) {
            return TargetTokenKind.BYTE;
        }
        if (targetVocabulary.isSpecial(id) || overlap.kind(id) == MatchKind.SPECIAL_ROLE) {
            return TargetTokenKind.SPECIAL;
        }
        return overlap.sourceId(id) >= 0 ? TargetTokenKind.OVERLAP : TargetTokenKind.NEW;
    }

    /// Target-token counts for `run.json` and the summary.
    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        int[] byKind = new int[TargetTokenKind.values().length];
        int specialCopied = 0;
        for (int id = 0; id < targetVocabulary.size(); id++) {
            TargetTokenKind kind = kindOf(id);
            byKind[kind.ordinal()]++;
            if (kind == TargetTokenKind.SPECIAL && overlap.sourceId(id) >= 0) {
                specialCopied++;
            }
        }
        counts.put("target_tokens", targetVocabulary.size());
        counts.put("source_tokens", sourceVocabulary.size());
        counts.put("overlap", byKind[TargetTokenKind.OVERLAP.ordinal()]);
        counts.put("new", byKind[TargetTokenKind.NEW.ordinal()]);
        counts.put("special", byKind[TargetTokenKind.SPECIAL.ordinal()]);
        counts.put("special_copied", specialCopied);
        counts.put("special_built", byKind[TargetTokenKind.SPECIAL.ordinal()] - specialCopied);
        counts.put("byte", byKind[TargetTokenKind.BYTE.ordinal()]);
        counts.put("reserved", byKind[TargetTokenKind.RESERVED.ordinal()]);
        counts.put("whitespace_pieces", whitespacePieces);
        counts.put("rule_rows", rules.count(TargetRowRules.Rule.SOURCE_MEAN) + rules.count(TargetRowRules.Rule.BYTE_MEAN));
        if (bridgeUnknownTexts >= 0) {
            counts.put("bridge_unknown_texts", bridgeUnknownTexts);
            counts.put("bridge_unknown_rows", rules.bridgeUnknownCount());
        }
        counts.put("built_rows", newIds.length);
        for (MatchKind kind : MatchKind.values()) {
            if (kind != MatchKind.NONE) {
                counts.put("match_" + kind.name().toLowerCase(java.util.Locale.ROOT), overlap.count(kind));
            }
        }
        return counts;
    }
}
