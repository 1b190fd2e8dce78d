package org.sembridge.engine.encoder;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.hf.EncoderPart;
import org.sembridge.engine.hf.ModelWeights;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// Uploads checkpoint tensors, by role, as float32 NDArrays owned by the model manager on its
/// device. Each tensor is read from the memory-mapped file into a direct buffer, checked for
/// NaN/Inf on the way ([ModelWeights#read(EncoderPart, int, boolean, java.lang.foreign.MemorySegment)]),
/// and handed to the engine, which on the CPU keeps that buffer as the tensor's memory (as DJL does
/// with the buffer it copies a Java array into): no tensor passes through the Java heap. Progress is
/// reported in elements and cancellation checked once per tensor.
final class EncoderWeights {

    static final String STAGE = "loading weights";

    private final ModelWeights weights;
    private final NDManager manager;
    private final ProgressListener progress;
    private final CancellationToken cancel;
    private final long expectedElements;
    private long uploadedElements;

    EncoderWeights(ModelWeights weights, NDManager manager, ProgressListener progress, CancellationToken cancel,
            long expectedElements) {
        this.weights = weights;
        this.manager = manager;
        this.progress = progress;
        this.cancel = cancel;
        this.expectedElements = expectedElements;
    }

    /// A table (`weight` only), e.g. the word embeddings.
    NDArray table(EncoderPart part) throws ModelFormatException, OperationCancelledException {
        return upload(part, 0, false);
    }

    /// An affine map of `layer` (ignored for parts that are not per layer).
    LinearProjection linear(EncoderPart part, int layer) throws ModelFormatException, OperationCancelledException {
        return new LinearProjection(upload(part, layer, false), upload(part, layer, true));
    }

    /// A LayerNorm of `layer` (ignored for parts that are not per layer).
    LayerNormalization norm(EncoderPart part, int layer, double eps)
            throws ModelFormatException, OperationCancelledException {
        return new LayerNormalization(upload(part, layer, false), upload(part, layer, true), (float) eps);
    }

    /// The vocabulary bias of the MLM decoder.
    NDArray decoderBias() throws ModelFormatException, OperationCancelledException {
        return upload(EncoderPart.DECODER, 0, true);
    }

    /// Elements uploaded so far.
    long uploadedElements() {
        return uploadedElements;
    }

    NDArray upload(EncoderPart part, int layer, boolean bias) throws ModelFormatException, OperationCancelledException {
        cancel.throwIfCancelled(STAGE);
        Shape shape = new Shape(weights.layout().spec(part, layer, bias).shape());
        int elements = Math.toIntExact(shape.size());
        ByteBuffer values = manager.allocateDirect(Math.multiplyExact(elements, Float.BYTES));
        weights.read(part, layer, bias, MemorySegment.ofBuffer(values));
        NDArray array = manager.create(values, shape, DataType.FLOAT32);
        uploadedElements += elements;
        progress.onProgress(STAGE, Math.min(uploadedElements, expectedElements), expectedElements);
        return array;
    }
}
