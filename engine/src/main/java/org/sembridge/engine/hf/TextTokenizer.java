package org.sembridge.engine.hf;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import com.google.gson.JsonElement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.io.Utf8Text;

/// The tokenizer of a model folder: a Hugging Face `tokenizer.json` run by the native
/// `tokenizers` library (through DJL), loaded offline from disk.
///
/// A folder with only `vocab.txt` (+ `tokenizer_config.json`) gets the equivalent WordPiece
/// `tokenizer.json` generated in memory ([WordPieceTokenizerJson]), as transformers'
/// `BertTokenizerFast` would build it.
///
/// Encoding adds the model's special tokens (`[CLS] ... [SEP]`, `<s> ... </s>`) and cuts every
/// text to [#maxTokens()] tokens, specials included, the way transformers does with
/// `truncation=True, max_length=maxTokens` (the text is cut, the closing special stays). Batches
/// are right-padded with the model's padding id. The vocabulary ([#tokens()]) is read from the
/// JSON itself: `model.vocab` plus `added_tokens`.
///
/// Not thread-safe; close it to free the native tokenizer.
public final class TextTokenizer implements AutoCloseable {

    /// File name of a Hugging Face fast-tokenizer definition.
    public static final String TOKENIZER_FILE = "tokenizer.json";

    private static final Logger LOG = LoggerFactory.getLogger(TextTokenizer.class);

    private final HuggingFaceTokenizer tokenizer;
    private final Path source;
    private final TokenizerVocabulary vocabulary;
    private final int maxTokens;
    private final long padTokenId;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, Path source, TokenizerVocabulary vocabulary,
            int maxTokens, long padTokenId) {
        this.tokenizer = tokenizer;
        this.source = source;
        this.vocabulary = vocabulary;
        this.maxTokens = maxTokens;
        this.padTokenId = padTokenId;
    }

    /// Loads the tokenizer of `folder`: its `tokenizer.json`, else its `vocab.txt`.
    ///
    /// @param folder the folder holding the tokenizer files
    /// @param maxTokens the most tokens (specials included) an encoded text may have, `>= 2`
    /// @param padTokenId the id that pads batches (the model's `pad_token_id`)
    /// @throws ModelFormatException naming the folder when it has neither file, or the file
    ///     when it cannot be parsed by the native library
    public static TextTokenizer load(Path folder, int maxTokens, int padTokenId) throws ModelFormatException {
        try (PendingTokenizer pending = start(folder, maxTokens, padTokenId)) {
            return pending.await();
        }
    }

    /// Starts loading the tokenizer of `folder` as [#load] does: this thread reads the file once,
    /// then two halves run at the same time on that one text: the native library parses it and
    /// builds its tokenizer on a thread of its own ([PendingTokenizer], [NativeTokenizers]),
    /// while this thread checks that the bytes are strict UTF-8 ([Utf8Text#requireUtf8]), reads
    /// the vocabulary ([TokenizerVocabulary]) and, in the same pass, the post-processor, which it
    /// checks ([PostProcessorCheck]).
    /// This returns when the checks have passed; the caller goes on (a model loader reads its
    /// weights) until [PendingTokenizer#await()], which encodes the first text with the native
    /// tokenizer ([#requireWithinLimit]). Nothing is encoded before the checks have passed: the
    /// inputs the checks exist for (a template naming an undefined special token) make the library
    /// panic when it encodes, not when it parses. A file the checks refuse is refused with their
    /// message; the native half is then freed once it is done.
    ///
    /// @throws ModelFormatException naming the folder when it has neither file, or the file
    ///     when it is not valid UTF-8 or JSON, has no usable vocabulary or a post-processor the
    ///     native library would mishandle; failures of the native half come from
    ///     [PendingTokenizer#await()]
    public static PendingTokenizer start(Path folder, int maxTokens, int padTokenId) throws ModelFormatException {
        if (maxTokens < 2) {
            throw new IllegalArgumentException("maxTokens must be at least 2, got " + maxTokens);
        }
        Path jsonFile = folder.resolve(TOKENIZER_FILE);
        Path vocabFile = folder.resolve(WordPieceTokenizerJson.VOCAB_FILE);
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "false",
                "maxLength", Integer.toString(maxTokens),
                "modelMaxLength", Integer.toString(maxTokens));
        long start = System.nanoTime();
        Path source;
        String json;
        byte[] jsonBytes = null;
        if (Files.isRegularFile(jsonFile)) {
            source = jsonFile;
            // The native build starts on the text at once and the strict UTF-8 check runs beside
            // it with the other checks (a 33 MB tokenizer.json takes 0.6-1 s to check before the
            // JIT has compiled the decoder); nothing is encoded before the checks pass.
            jsonBytes = readBytes(jsonFile);
            json = Utf8Text.decodeLenient(jsonBytes);
        } else if (Files.isRegularFile(vocabFile)) {
            source = vocabFile;
            json = WordPieceTokenizerJson.build(folder);
        } else {
            throw new ModelFormatException(folder + ": no " + TOKENIZER_FILE + " and no "
                    + WordPieceTokenizerJson.VOCAB_FILE + "; the model folder needs its tokenizer");
        }
        CompletableFuture<TokenizerVocabulary> checked = new CompletableFuture<>();
        PendingTokenizer pending = PendingTokenizer.start(source, checked, () -> {
            HuggingFaceTokenizer tokenizer = nativeTokenizer(source, () -> NativeTokenizers.fromJson(json, options));
            TokenizerVocabulary vocabulary;
            try {
                vocabulary = checked.join();
            } catch (CompletionException | CancellationException e) {
                tokenizer.close();
                throw new CancellationException(source + " was refused by the checks; its native tokenizer is freed");
            }
            requireWithinLimit(tokenizer, source, maxTokens);
            return new TextTokenizer(tokenizer, source, vocabulary, maxTokens, padTokenId);
        });
        try {
            if (jsonBytes != null) {
                Utf8Text.requireUtf8(jsonBytes, source, ModelFormatException::new);
            }
            AtomicReference<JsonElement> postProcessor = new AtomicReference<>();
            TokenizerVocabulary vocabulary = TokenizerVocabulary.read(source, new StringReader(json), postProcessor::set);
            PostProcessorCheck.check(source, postProcessor.get(), vocabulary.tokens().size());
            checked.complete(vocabulary);
            LOG.debug("{}: {} tokens read and checked in {} ms", source, vocabulary.tokens().size(),
                    (System.nanoTime() - start) / 1_000_000);
            return pending;
        } catch (ModelFormatException | RuntimeException | Error e) {
            checked.completeExceptionally(e);
            pending.close();
            throw e;
        }
    }

    /// The bytes of a `tokenizer.json` (checked as UTF-8 by [#start]).
    private static byte[] readBytes(Path file) throws ModelFormatException {
        try {
            return Utf8Text.readBytes(file);
        } catch (IOException e) {
            throw new ModelFormatException(e.getMessage(), e);
        }
    }

    /// Creates the native tokenizer; its failures name `source`.
    private static HuggingFaceTokenizer nativeTokenizer(Path source, NativeLoad load) throws ModelFormatException {
        try {
            return load.load();
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(source + ": the tokenizers library cannot load it: "
                    + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface NativeLoad {
        HuggingFaceTokenizer load() throws IOException;
    }

    /// Encodes a text far longer than the limit, with characters no vocabulary holds, and refuses
    /// the tokenizer when the native library fails on it (a `WordPiece` whose `unk_token` is not
    /// in the vocabulary fails on the first unknown character) or the result is still longer
    /// than the limit (a post-processor that adds text or too many specials after truncation
    /// would make position ids run past the model's table).
    private static void requireWithinLimit(HuggingFaceTokenizer tokenizer, Path source, int maxTokens)
            throws ModelFormatException {
        String probe = "a \uE000 \u2603 ".repeat(Math.min(maxTokens, 100_000) / 3 + 8);
        int length;
        try {
            length = tokenizer.encode(probe, true, false).getIds().length;
        } catch (RuntimeException e) {
            tokenizer.close();
            throw new ModelFormatException(source + ": the tokenizers library cannot encode text with it: "
                    + e.getMessage(), e);
        }
        if (length > maxTokens) {
            tokenizer.close();
            throw new ModelFormatException(source + ": encodes a long text to " + length + " tokens, more than the "
                    + "limit of " + maxTokens + " it was truncated to; its post_processor adds tokens after truncation");
        }
    }

    /// The file the tokenizer was built from (`tokenizer.json` or `vocab.txt`).
    public Path source() {
        return source;
    }

    /// Token strings indexed by id, exactly as stored in the vocabulary (`##ing`, `Ġthe`,
    /// `▁the`, `<0x41>`), added tokens included.
    public List<String> tokens() {
        return vocabulary.tokens();
    }

    /// Ids of the special tokens (added tokens marked `special`: `[CLS]`, `<pad>`, ...).
    public Set<Integer> specialTokenIds() {
        return vocabulary.specialIds();
    }

    /// Number of token ids, largest id + 1.
    public int vocabSize() {
        return vocabulary.tokens().size();
    }

    /// The most tokens, specials included, of one encoded text.
    public int maxTokens() {
        return maxTokens;
    }

    /// The padding id used by [#encodeBatch(List)].
    public long padTokenId() {
        return padTokenId;
    }

    /// Decodes ids to text as transformers' `tokenizer.decode(ids)` does: special tokens are
    /// kept, the decoder of `tokenizer.json` joins pieces (`##` continuations, `▁`, byte-level).
    public String decode(int[] ids) {
        return tokenizer.decode(Arrays.stream(ids).asLongStream().toArray(), false);
    }

    /// The token ids of `text` without special tokens (at most [#maxTokens()] of them).
    public int[] tokenIds(String text) {
        return Arrays.stream(tokenizer.encode(text, false, false).getIds()).mapToInt(Math::toIntExact).toArray();
    }

    /// The token strings of `text` without special tokens, for display (`["play", "##ing"]`).
    public List<String> tokenStrings(String text) {
        return List.of(tokenizer.encode(text, false, false).getTokens());
    }

    /// Encodes one text with special tokens, cut to [#maxTokens()].
    public EncodedText encode(String text) {
        Encoding encoding = tokenizer.encode(text, true, false);
        return new EncodedText(encoding.getIds(), encoding.exceedMaxLength());
    }

    /// Encodes texts with special tokens, cuts each to [#maxTokens()] and right-pads the batch
    /// with [#padTokenId()].
    ///
    /// @throws IllegalArgumentException when `texts` is empty
    public TokenBatch encodeBatch(List<String> texts) {
        List<EncodedText> encoded = new ArrayList<>(texts.size());
        for (String text : texts) {
            encoded.add(encode(text));
        }
        return TokenBatch.pad(encoded, padTokenId);
    }

    /// Frees the native tokenizer; idempotent.
    @Override
    public void close() {
        tokenizer.close();
    }
}
