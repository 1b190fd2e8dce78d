package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.bridge.BridgeTexts;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.sembridge.engine.vocab.OverlapOptions;
import org.sembridge.engine.vocab.SpecialRole;
import org.sembridge.engine.vocab.Vocabulary;

/// Real tokenizer files of two families, cut to small excerpts that keep their specials, byte
/// pieces, whitespace pieces and reserved entries (`src/test/resources/real-tokenizers`, see its
/// README): Gemma 3 (SentencePiece-style BPE with byte fallback, `<unusedN>` entries, `<mask>`
/// not flagged special) and Qwen 3 (byte-level BPE, `<|endoftext|>`).
class RealTokenizerExcerptTest {

    private static final int MAX_TOKENS = 128;

    @TempDir
    static Path shared;

    private static Path gemmaRun;

    static Path excerpt(String family) {
        return SampleModels.repoRoot().resolve("engine/src/test/resources/real-tokenizers").resolve(family)
                .resolve("tokenizer.json");
    }

    private static TextTokenizer load(String family) throws Exception {
        return TargetTokenizerFolder.resolve(excerpt(family)).load(MAX_TOKENS);
    }

    @BeforeAll
    static void transferSampleModelToTheGemmaExcerpt() throws Exception {
        gemmaRun = shared.resolve("gemma");
        TransferFixtures.runner(shared).run(TransferRequest.builder(SampleModels.splade(), excerpt("gemma3"),
                "sembridge", gemmaRun).optBridge(SampleModels.bridge()).optDevice(DeviceChoice.CPU)
                .optOverlap(new OverlapOptions(true, false, false, true)).build(), ProgressListener.NONE,
                CancellationToken.create());
    }

    @Test
    void newlineIsOneBridgeTextInBothFamiliesSpellings() throws Exception {
        try (TextTokenizer gemma = load("gemma3"); TextTokenizer qwen = load("qwen3")) {
            List<String> gemmaTexts = BridgeTexts.forVocabulary(gemma);
            List<String> qwenTexts = BridgeTexts.forVocabulary(qwen);

            assertEquals("newline", gemmaTexts.get(gemma.tokens().indexOf("<0x0A>")));
            assertEquals("newline", gemmaTexts.get(gemma.tokens().indexOf("\n")));
            assertEquals("newline", qwenTexts.get(qwen.tokens().indexOf("\u010a")));
            assertEquals("tab", qwenTexts.get(qwen.tokens().indexOf("\u0109")));
            assertEquals("2 spaces", gemmaTexts.get(gemma.tokens().indexOf("\u2581\u2581")));
        }
    }

    @Test
    void gemmaSpecialsHaveTheirRolesEvenWhenNotFlaggedSpecial() throws Exception {
        try (TextTokenizer gemma = load("gemma3")) {
            int mask = gemma.tokens().indexOf("<mask>");

            assertFalse(gemma.specialTokenIds().contains(mask), "Gemma does not flag <mask> special");
            assertEquals(SpecialRole.MASK, SpecialRole.of("<mask>").orElseThrow());
            assertEquals(SpecialRole.CLS_BOS, SpecialRole.of(gemma.tokens().get(2)).orElseThrow());
            assertEquals(SpecialRole.SEP_EOS, SpecialRole.of(qwenEndOfText()).orElseThrow());
        }
    }

    private static String qwenEndOfText() throws Exception {
        try (TextTokenizer qwen = load("qwen3")) {
            return qwen.tokens().stream().filter(t -> t.equals("<|endoftext|>")).findFirst().orElseThrow();
        }
    }

    @Test
    void gemmaRawBytesAndReservedEntriesGetRules() throws Exception {
        try (TextTokenizer gemma = load("gemma3")) {
            CanonicalVocabulary target = Vocabulary.of(gemma.tokens(), gemma.specialTokenIds()).canonicalize();
            int[] copiedFrom = new int[target.size()];
            java.util.Arrays.fill(copiedFrom, -1);
            TargetRowRules rules = TargetRowRules.decide(target, copiedFrom, new boolean[target.size()],
                    UnknownBridgeRule.ENTMAX);

            assertEquals(12, rules.reservedCount(), "the excerpt keeps 12 <unusedN> entries");
            assertEquals(128 + 27 + 1, rules.rawByteCount(),
                    "<0x80>..<0xFF>, the 27 control bytes below 0x20 that are not whitespace, and <0x7F>");
            assertEquals(TargetRowRules.Rule.BYTE_MEAN, rules.rule(gemma.tokens().indexOf("<0xEC>")));
            assertEquals(TargetRowRules.Rule.NONE, rules.rule(gemma.tokens().indexOf("<0x0A>")));
            assertEquals(TargetRowRules.Rule.NONE, rules.rule(gemma.tokens().indexOf("<0x21>")));
            assertEquals(TargetRowRules.Rule.SOURCE_MEAN, rules.rule(gemma.tokens().indexOf("<unused0>")));
        }
    }

    @Test
    void runCountsTheRulesAndRecordsThemAsDecisions() throws Exception {
        LoadedRun run = LoadedRun.open(gemmaRun);
        JsonObject manifest = JsonParser.parseString(run.manifest().json()).getAsJsonObject();
        JsonObject counts = manifest.getAsJsonObject("counts");

        assertEquals(7, counts.get("match_special_role").getAsInt(), "<pad> <eos> <bos> <unk> <mask> <s> </s>");
        assertEquals(12, counts.get("reserved").getAsInt());
        assertEquals(156, counts.get("byte").getAsInt());
        assertTrue(counts.has("bridge_unknown_texts"));
        String decisions = manifest.getAsJsonArray("decisions").toString();
        for (String rule : List.of("special tokens by role: on", "byte pieces:", "whitespace pieces:", "raw bytes:",
                "reserved entries:", "unknown bridge texts:")) {
            assertTrue(decisions.contains(rule), "decision line '" + rule + "' in " + decisions);
        }
    }

    @Test
    void roleCopiedSpecialsReportKindSpecialWithTheSourceAtWeightOne() throws Exception {
        LoadedRun run = LoadedRun.open(gemmaRun);
        AlignmentRecord mask = run.token("<mask>").orElseThrow();

        assertEquals(TargetTokenKind.SPECIAL, mask.kind());
        assertEquals("[MASK]", mask.sources().getFirst().token());
        assertEquals(1.0f, mask.sources().getFirst().weight());
    }

    @Test
    void ruleRowsNameTheirRuleAndKind() throws Exception {
        LoadedRun run = LoadedRun.open(gemmaRun);
        AlignmentRecord highByte = run.token("<0xEC>").orElseThrow();
        AlignmentRecord unused = run.token("<unused0>").orElseThrow();

        assertEquals(TargetTokenKind.BYTE, highByte.kind());
        assertEquals("byte_mean", highByte.rule());
        assertEquals(TargetTokenKind.RESERVED, unused.kind());
        assertEquals("source_mean", unused.rule());
    }

    @Test
    void stageNamesCarryNoNumbersAndEstimatesAreRecordedPerLongStage() throws Exception {
        JsonObject manifest = JsonParser.parseString(LoadedRun.open(gemmaRun).manifest().json()).getAsJsonObject();
        JsonObject timings = manifest.getAsJsonObject("timings_seconds");
        JsonObject estimates = manifest.getAsJsonObject("estimates_seconds");

        for (Map.Entry<String, ?> stage : timings.entrySet()) {
            assertFalse(stage.getKey().matches(".*\\d.*"), "stage name with a number: " + stage.getKey());
        }
        assertTrue(estimates.keySet().stream().anyMatch(stage -> stage.startsWith("embedding target tokens")),
                "estimates " + estimates.keySet());
        assertTrue(estimates.has("aligning target tokens"), "the alignment inside planning: " + estimates.keySet());
        for (String stage : estimates.keySet()) {
            assertTrue(estimates.get(stage).getAsDouble() > 0, stage);
        }
    }

    @Test
    void comparisonMeetsTheSameWordAcrossSentencePieceAndWordPieceRuns() throws Exception {
        Path korean = shared.resolve("ko-wordpiece");
        TransferFixtures.runner(shared).run(TransferRequest.builder(SampleModels.splade(),
                SampleModels.tokenizer("ko"), "sembridge", korean).optBridge(SampleModels.bridge())
                .optDevice(DeviceChoice.CPU).build(), ProgressListener.NONE, CancellationToken.create());
        LoadedRun gemma = LoadedRun.open(gemmaRun, TransferFixtures.store(shared));
        LoadedRun wordPiece = LoadedRun.open(korean, TransferFixtures.store(shared));

        // Gemma's ▁the and the WordPiece word the are the same word: both decode to "the"
        List<java.util.Optional<AlignmentRecord>> fromGemma = LoadedRun.compare(List.of(gemma, wordPiece), "▁the");
        assertEquals("▁the", fromGemma.get(0).orElseThrow().token());
        assertEquals("the", fromGemma.get(1).orElseThrow().token());
        List<java.util.Optional<AlignmentRecord>> fromWordPiece = LoadedRun.compare(List.of(wordPiece, gemma), "the");
        assertEquals("the", fromWordPiece.get(0).orElseThrow().token());
        assertEquals("▁the", fromWordPiece.get(1).orElseThrow().token());
        assertEquals(gemma.decodedText(gemma.idOf("▁the").orElseThrow()),
                wordPiece.decodedText(wordPiece.idOf("the").orElseThrow()));
    }
}
