package org.sembridge.engine.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;

/// A [TextEmbedder] test double: each text's vector is a fixed pseudo-random function of the text
/// (seeded by its hash), calls and embedded texts are recorded, batches of [#BATCH] texts check
/// cancellation and report progress like the real encoder.
class CountingEmbedder implements TextEmbedder {

    static final int BATCH = 4;

    private final int dimension;
    private final String modelHash;
    private final List<List<String>> calls = new ArrayList<>();

    CountingEmbedder(int dimension, String modelHash) {
        this.dimension = dimension;
        this.modelHash = modelHash;
    }

    /// The vector this double gives `text`.
    float[] vectorOf(String text) {
        Random random = new Random(text.hashCode() * 31L + dimension);
        float[] vector = new float[dimension];
        for (int c = 0; c < dimension; c++) {
            vector[c] = (float) random.nextGaussian();
        }
        return vector;
    }

    /// The texts of every call so far, in call order.
    List<List<String>> calls() {
        return calls;
    }

    /// All texts embedded so far.
    List<String> embeddedTexts() {
        return calls.stream().flatMap(List::stream).toList();
    }

    @Override
    public String name() {
        return "counting-test-bridge";
    }

    @Override
    public String deviceName() {
        return "test()";
    }

    @Override
    public String modelHash() {
        return modelHash;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[][] embed(List<String> texts, ProgressListener progress, CancellationToken cancel)
            throws InputFormatException, OperationCancelledException {
        calls.add(List.copyOf(texts));
        float[][] vectors = new float[texts.size()][];
        for (int start = 0; start < texts.size(); start += BATCH) {
            cancel.throwIfCancelled("test embedding");
            for (int i = start; i < Math.min(texts.size(), start + BATCH); i++) {
                if (texts.get(i).isBlank()) {
                    throw new InputFormatException("blank text " + i);
                }
                vectors[i] = vectorOf(texts.get(i));
            }
            progress.onProgress("test embedding", Math.min(texts.size(), start + BATCH), texts.size());
        }
        return vectors;
    }
}
