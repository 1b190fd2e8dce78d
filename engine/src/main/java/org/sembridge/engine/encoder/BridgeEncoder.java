package org.sembridge.engine.encoder;

import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.SentenceTransformerConfig;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.hf.TokenBatch;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A dense sentence encoder, the "bridge" `B` of SemBridge: one vector per text from the
/// folder's sentence-transformers pipeline (Transformer -> Pooling -> optional Normalize; a
/// plain folder gets CLS pooling + L2 normalisation, the bge-m3 convention, see
/// [SentenceTransformerConfig]).
///
/// Texts must not be blank; texts over the token limit (position table, `max_seq_length`,
/// `model_max_length`) are truncated with a WARN line. Texts are tokenised first, sorted by token
/// count and encoded in batches of texts of one token count each (no padding), whose size adapts
/// to memory ([BatchMemoryRule]: at most `batchSize` texts, fewer when texts of that length
/// would need more than the activation budget); progress and cancellation once per batch.
public final class BridgeEncoder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeEncoder.class);
    private static final String OPERATION = "bridge embedding";

    /// The most texts per forward pass when the caller has no preference; [BatchMemoryRule] lowers
    /// it for long texts. Vocabulary strings are 3-6 tokens, so 256 of them make products of
    /// about 1,000 rows, where a CPU or GPU matrix product runs near its peak.
    public static final int DEFAULT_BATCH_SIZE = 256;

    private final EncoderModel model;
    private final TextTokenizer tokenizer;
    private final SentenceTransformerConfig pipeline;
    private final BatchMemoryRule batchRule;

    private BridgeEncoder(EncoderModel model, TextTokenizer tokenizer, SentenceTransformerConfig pipeline,
            int batchSize) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.pipeline = pipeline;
        this.batchRule = new BatchMemoryRule(BatchMemoryRule.DEFAULT_BUDGET_BYTES, batchSize);
    }

    /// Loads the encoder (without any MLM head) and tokenizer of `folder` onto `device`.
    ///
    /// @param batchSize texts per forward pass, `>= 1`
    /// @throws ModelFormatException when the folder, weights, tokenizer or pooling config are
    ///     invalid
    public static BridgeEncoder load(HfModelFolder folder, SelectedDevice device, int batchSize)
            throws ModelFormatException {
        return Uncancellable.run(cancel -> load(folder, device, batchSize, ProgressListener.NONE, cancel));
    }

    /// As [#load(HfModelFolder, SelectedDevice, int)], reporting weight-loading progress and
    /// checking `cancel` once per tensor.
    ///
    /// @throws OperationCancelledException when cancelled; nothing stays allocated
    public static BridgeEncoder load(HfModelFolder folder, SelectedDevice device, int batchSize,
            ProgressListener progress, CancellationToken cancel) throws ModelFormatException, OperationCancelledException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        TextTokenizer tokenizer = folder.openTokenizer();
        try {
            EncoderModel model = EncoderModel.loadEncoder(folder, device, progress, cancel);
            SentenceTransformerConfig pipeline = folder.sentenceTransformer();
            LOG.info("Bridge pipeline of {}: {} pooling, {}normalised, at most {} tokens{}", folder.directory(),
                    pipeline.pooling(), pipeline.normalize() ? "" : "not ", tokenizer.maxTokens(),
                    pipeline.declared() ? "" : " (no modules.json: CLS + normalise assumed)");
            return new BridgeEncoder(model, tokenizer, pipeline, batchSize);
        } catch (ModelFormatException | OperationCancelledException | RuntimeException | Error e) {
            tokenizer.close();
            throw e;
        }
    }

    /// Width of the embeddings (the hidden size).
    public int dimension() {
        return model.config().hiddenSize();
    }

    /// The pooling pipeline in use.
    public SentenceTransformerConfig pipeline() {
        return pipeline;
    }

    /// The tokenizer (token strings, decoding).
    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /// The underlying model.
    public EncoderModel model() {
        return model;
    }

    /// Embeds texts without progress reporting or cancellation.
    ///
    /// @throws InputFormatException naming the first blank text
    public float[][] embed(List<String> texts) throws InputFormatException {
        return Uncancellable.run(cancel -> embed(texts, ProgressListener.NONE, cancel));
    }

    /// Embeds texts, one `float[dimension()]` per text in input order.
    ///
    /// @throws InputFormatException naming the first blank text (before any work)
    /// @throws OperationCancelledException when `cancel` is set; nothing is returned
    public float[][] embed(List<String> texts, ProgressListener progress, CancellationToken cancel)
            throws InputFormatException, OperationCancelledException {
        long start = System.nanoTime();
        TokenizedTexts tokenized = TokenizedTexts.of(texts, tokenizer, OPERATION);
        float[][] vectors = new float[texts.size()][];
        int done = 0;
        progress.onProgress(OPERATION, 0, texts.size());
        List<int[]> batches = tokenized.equalLengthBatches(length -> batchRule.textsPerBatch(length,
                model.config()));
        for (int[] positions : batches) {
            cancel.throwIfCancelled(OPERATION);
            float[] pooled = embedBatch(tokenized.batch(positions));
            for (int row = 0; row < positions.length; row++) {
                vectors[positions[row]] = Arrays.copyOfRange(pooled, row * dimension(),
                        (row + 1) * dimension());
            }
            done += positions.length;
            progress.onProgress(OPERATION, done, texts.size());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("{}: {} texts, {} tokens in {} batches of at most {} in {} s on {} ({} texts/s)", OPERATION,
                texts.size(), tokenized.tokenCount(), batches.size(), batchRule.maxTexts(),
                String.format("%.2f", seconds), model.device().name(),
                String.format("%.1f", texts.size() / Math.max(seconds, 1e-9)));
        return vectors;
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

    private float[] embedBatch(TokenBatch batch) {
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray hidden = model.encode(scope, batch);
            NDArray mask = scope.create(batch.attentionMask()).toType(DataType.FLOAT32, false).expandDims(2);
            NDArray pooled = SentencePooling.pool(pipeline.pooling(), hidden, mask);
            return (pipeline.normalize() ? SentencePooling.normalize(pooled) : pooled).toFloatArray();
        }
    }
}
