package org.sembridge.engine.encoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.PendingTokenizer;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.hf.TokenBatch;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A learned sparse (SPLADE) encoder: a `*ForMaskedLM` model whose MLM logits become one
/// weight per vocabulary token,
///
/// ```
/// w_v = pool_t ( log(1 + ReLU(logit_{t,v})) * mask_t )     pool = max (default) or sum
/// ```
///
/// over the positions `t` of the attention mask, special tokens included, as the SPLADE
/// reference code does. Only positive weights are kept, sorted descending, optionally pruned to
/// the `maxTerms` largest.
///
/// Texts must not be blank ([InputFormatException]). Texts longer than the model's token limit
/// (position table, `model_max_length`) are truncated to it, like transformers'
/// `truncation=True`: a WARN line is logged and the result's [SparseVector#truncated()] is set.
///
/// Texts are tokenised first, then encoded in batches of similar length. Only real tokens reach
/// the MLM head (padding is dropped), in blocks of texts of at most 2^25 logits (128 MiB), so
/// memory stays bounded for long texts and large vocabularies; max pooling takes the maximum of
/// the raw logits over a text's positions first and applies `log(1 + ReLU)` to that one
/// vocabulary row ([SpladePooling]), so the element-wise work is `O(V)` per text instead of
/// `O(L V)`. On the CPU with OpenBLAS, max pooling goes further: it is fused with the decoder
/// ([MaxPooledDecoder]), which multiplies the head states by a slice of the vocabulary at a time
/// and folds each 1 MiB block of logits into the texts' maxima while it is in the cache, so no
/// `[tokens, vocab]` array exists at all (sum pooling and GPUs keep the libtorch blocks).
/// Progress is reported and cancellation checked once per batch.
public final class SparseEncoder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SparseEncoder.class);
    private static final String OPERATION = "SPLADE encoding";
    private static final long LOGIT_BLOCK_FLOATS = 1L << 25;

    private final EncoderModel model;
    private final TextTokenizer tokenizer;
    private final SpladeSettings settings;
    /// The fused decoder + max pooling of the CPU ([MaxPooledDecoder]); null for sum pooling, on
    /// a GPU or without OpenBLAS, where libtorch computes the logits block by block.
    private final MaxPooledDecoder fused;

    private SparseEncoder(EncoderModel model, TextTokenizer tokenizer, SpladeSettings settings,
            MaxPooledDecoder fused) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.settings = settings;
        this.fused = fused;
        LOG.debug("{}: decoder and pooling {}", OPERATION, fused != null
                ? "fused on the CPU (OpenBLAS, vocabulary slices)" : "by libtorch (logit blocks)");
    }

    /// Loads the masked-LM model and tokenizer of `folder` onto `device` (a [SelectedDevice], or
    /// a request resolved once the tokenizer's native build has started).
    ///
    /// @throws ModelFormatException when the folder, its weights or its tokenizer are invalid
    ///     (see [HfModelFolder#openTokenizer()]) or the checkpoint has no MLM head
    /// @throws E when the device asked for is not usable
    public static <E extends Exception> SparseEncoder load(HfModelFolder folder, DeviceSelection<E> device,
            SpladeSettings settings) throws ModelFormatException, E {
        try {
            return load(folder, device, settings, ProgressListener.NONE, CancellationToken.create());
        } catch (OperationCancelledException e) {
            throw Uncancellable.unexpected(e);
        }
    }

    /// As [#load(HfModelFolder, DeviceSelection, SpladeSettings)], reporting weight-loading
    /// progress and checking `cancel` once per tensor.
    ///
    /// @throws OperationCancelledException when cancelled; nothing stays allocated
    public static <E extends Exception> SparseEncoder load(HfModelFolder folder, DeviceSelection<E> device,
            SpladeSettings settings, ProgressListener progress, CancellationToken cancel)
            throws ModelFormatException, OperationCancelledException, E {
        // The native tokenizer is built on its own thread while the device request is resolved
        // (loading the PyTorch engine) and the weights load: a 262k-entry tokenizer.json takes
        // longer than both.
        try (PendingTokenizer pending = folder.startTokenizer()) {
            EncoderModel model = EncoderModel.loadMaskedLm(folder, device.select(), progress, cancel);
            TextTokenizer tokenizer = null;
            try {
                // Built after the weights (mapping them loads a memory-segment class that would
                // invalidate a fold compiled before) and while the native tokenizer still builds.
                MaxPooledDecoder fused = settings.pooling() == SpladePooling.MAX && !model.device().isGpu()
                        ? MaxPooledDecoder.of(model.decoder()).orElse(null)
                        : null;
                tokenizer = pending.await();
                return new SparseEncoder(model, tokenizer, settings, fused);
            } catch (ModelFormatException | RuntimeException | Error e) {
                model.close();
                if (tokenizer != null) {
                    tokenizer.close();
                }
                throw e;
            }
        }
    }

    /// Encodes texts without progress reporting or cancellation.
    ///
    /// @throws InputFormatException naming the first blank text
    public List<SparseVector> encode(List<String> texts) throws InputFormatException {
        return Uncancellable.run(cancel -> encode(texts, ProgressListener.NONE, cancel));
    }

    /// Encodes texts, one [SparseVector] per text in input order.
    ///
    /// @throws InputFormatException naming the first blank text (before any work)
    /// @throws OperationCancelledException when `cancel` is set; nothing is returned
    public List<SparseVector> encode(List<String> texts, ProgressListener progress, CancellationToken cancel)
            throws InputFormatException, OperationCancelledException {
        return encode(texts, progress, cancel, StageClock.NONE, fused);
    }

    /// Whether the decoder and max pooling run fused on the CPU ([MaxPooledDecoder]).
    boolean fusedPooling() {
        return fused != null;
    }

    /// Encodes with libtorch's logit blocks even where the fused path is available: the
    /// reference the fused path is tested against.
    List<SparseVector> encodeUnfused(List<String> texts) throws InputFormatException {
        return Uncancellable.run(cancel -> encode(texts, ProgressListener.NONE, cancel, StageClock.NONE, null));
    }

    /// Encodes `texts` as [#encode(List)] does and returns where the time went, stage by stage
    /// (for `bench encode --profile`; CPU only, see [StageClock]).
    ///
    /// @throws InputFormatException naming the first blank text
    public ForwardProfile profile(List<String> texts) throws InputFormatException {
        ForwardProfile profile = new ForwardProfile();
        Uncancellable.run(cancel -> encode(texts, ProgressListener.NONE, cancel, profile, fused));
        return profile;
    }

    private List<SparseVector> encode(List<String> texts, ProgressListener progress, CancellationToken cancel,
            StageClock clock, MaxPooledDecoder decoder) throws InputFormatException, OperationCancelledException {
        long start = System.nanoTime();
        TokenizedTexts tokenized = TokenizedTexts.of(texts, tokenizer, OPERATION);
        SparseVector[] vectors = new SparseVector[texts.size()];
        int done = 0;
        progress.onProgress(OPERATION, 0, texts.size());
        for (int[] positions : tokenized.batches(settings.batchSize())) {
            cancel.throwIfCancelled(OPERATION);
            TokenBatch batch = tokenized.batch(positions);
            clock.lap(ForwardStage.TOKENISATION);
            List<SparseVector> encoded = decoder != null ? encodeBatch(batch, decoder, clock) : encodeBatch(batch, clock);
            for (int row = 0; row < positions.length; row++) {
                vectors[positions[row]] = encoded.get(row);
            }
            done += positions.length;
            LOG.debug("{}: batch of {} x {} tokens done ({}/{})", OPERATION, batch.size(), batch.length(), done,
                    texts.size());
            progress.onProgress(OPERATION, done, texts.size());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("{}: {} texts, {} tokens in {} s on {} ({} texts/s, {} terms per text on average)", OPERATION,
                texts.size(), tokenized.tokenCount(), String.format("%.2f", seconds), model.device().name(),
                String.format("%.1f", texts.size() / Math.max(seconds, 1e-9)),
                String.format("%.1f", Arrays.stream(vectors).mapToInt(SparseVector::size).average().orElse(0)));
        return List.of(vectors);
    }

    /// The vocabulary, token strings by id, for [SparseVector#tokenStrings(List)].
    public List<String> vocabulary() {
        return tokenizer.tokens();
    }

    /// The tokenizer (for token ids and display strings).
    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /// The settings in use.
    public SpladeSettings settings() {
        return settings;
    }

    /// The underlying model.
    public EncoderModel model() {
        return model;
    }

    /// Frees the model and the tokenizer.
    @Override
    public void close() {
        try {
            model.close();
        } finally {
            tokenizer.close();
        }
    }

    /// Encodes one padded batch. Only the real tokens of each text reach the MLM head (padding
    /// rows are dropped before the decoder), in blocks of texts of at most [#LOGIT_BLOCK_FLOATS]
    /// logits; each block's `[tokens, vocab]` logits are the only sequence-by-vocabulary array,
    /// and pooling reduces each text's rows to one `[vocab]` row before any element-wise work
    /// ([SpladePooling#pool]).
    private List<SparseVector> encodeBatch(TokenBatch batch, StageClock clock) {
        int vocab = model.config().vocabSize();
        int[] tokens = realTokens(batch);
        List<SparseVector> vectors = new ArrayList<>(batch.size());
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray hidden = model.encode(scope, batch, clock);
            int first = 0;
            while (first < batch.size()) {
                int end = first + 1;
                long blockTokens = tokens[first];
                while (end < batch.size() && (blockTokens + tokens[end]) * vocab <= LOGIT_BLOCK_FLOATS) {
                    blockTokens += tokens[end];
                    end++;
                }
                try (NDManager block = scope.newSubManager()) {
                    NDList texts = new NDList();
                    for (int row = first; row < end; row++) {
                        texts.add(hidden.get(block, new NDIndex("{}, :{}", row, tokens[row])));
                    }
                    NDArray selected = texts.size() == 1 ? texts.get(0) : NDArrays.concat(texts);
                    clock.lap(ForwardStage.TOKEN_SELECTION);
                    NDArray logits = model.logits(selected, clock);
                    NDList pooledRows = new NDList();
                    long start = 0;
                    for (int row = first; row < end; row++) {
                        pooledRows.add(settings.pooling().pool(logits.get("{}:{}", start, start + tokens[row])));
                        start += tokens[row];
                    }
                    NDArray pooledBlock = pooledRows.size() == 1 ? pooledRows.get(0) : NDArrays.stack(pooledRows);
                    clock.lap(ForwardStage.SPLADE_POOLING);
                    float[] pooled = pooledBlock.toFloatArray();
                    for (int row = first; row < end; row++) {
                        vectors.add(SparseVector.fromDense(pooled, (row - first) * vocab, vocab, settings.maxTerms(),
                                batch.truncated()[row]));
                    }
                    clock.lap(ForwardStage.SPARSE_VECTORS);
                }
                first = end;
            }
        }
        return vectors;
    }

    /// Encodes one padded batch with the fused decoder: the head states of the whole batch
    /// (`[batch, length, hidden]`, small) are read back, the real tokens' rows packed together,
    /// and [MaxPooledDecoder] pools them a vocabulary slice at a time; the `[tokens, vocab]`
    /// logits never exist. The profile's decoder stage includes the running maximum; the
    /// pooling stage is the bias and activation on one row per text.
    private List<SparseVector> encodeBatch(TokenBatch batch, MaxPooledDecoder decoder, StageClock clock) {
        int[] tokens = realTokens(batch);
        int hidden = decoder.hiddenSize();
        SparseVector[] vectors = new SparseVector[batch.size()];
        try (NDManager scope = model.manager().newSubManager()) {
            float[] padded = model.headStates(model.encode(scope, batch, clock), clock).toFloatArray();
            int rows = Arrays.stream(tokens).sum();
            float[] states = new float[Math.multiplyExact(rows, hidden)];
            int at = 0;
            for (int row = 0; row < batch.size(); row++) {
                System.arraycopy(padded, row * batch.length() * hidden, states, at * hidden, tokens[row] * hidden);
                at += tokens[row];
            }
            clock.lap(ForwardStage.TOKEN_SELECTION);
            float[][] pooled = decoder.maxLogits(states, tokens);
            clock.lap(ForwardStage.DECODER);
            for (float[] row : pooled) {
                decoder.activate(row);
            }
            clock.lap(ForwardStage.SPLADE_POOLING);
            for (int text = 0; text < pooled.length; text++) {
                vectors[text] = SparseVector.fromDense(pooled[text], 0, decoder.vocabSize(), settings.maxTerms(),
                        batch.truncated()[text]);
            }
            clock.lap(ForwardStage.SPARSE_VECTORS);
        }
        return List.of(vectors);
    }

    /// Real tokens per row: [TokenBatch#pad] makes every mask row a prefix of ones.
    private static int[] realTokens(TokenBatch batch) {
        int[] counts = batch.realTokenCounts();
        if (counts == null) {
            throw new IllegalStateException("the attention mask is not right padding (a prefix of ones per row)");
        }
        return counts;
    }
}
