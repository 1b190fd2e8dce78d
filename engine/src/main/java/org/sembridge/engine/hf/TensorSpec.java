package org.sembridge.engine.hf;

import java.util.Arrays;
import java.util.List;

/// A tensor the checkpoint must hold, with the shape `config.json` implies.
///
/// @param part the parameter block it belongs to
/// @param names accepted names, preferred first (later ones are legacy spellings such as
///     `LayerNorm.gamma` or `cls.predictions.decoder.bias`)
/// @param shape the expected shape
/// @param shapeSource the config keys that give each dimension, e.g. `[vocab_size, hidden_size]`
/// @param optional whether the checkpoint may omit it (a tied decoder weight, DistilBERT's
///     sinusoidal position table); when present it must still have the expected shape
public record TensorSpec(EncoderPart part, List<String> names, long[] shape, String shapeSource, boolean optional) {

    public TensorSpec {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a tensor spec needs at least one name");
        }
        names = List.copyOf(names);
        shape = shape.clone();
    }

    /// The preferred name, used in messages when the tensor is missing.
    public String name() {
        return names.getFirst();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /// Number of elements of the expected shape.
    public long elementCount() {
        long count = 1;
        for (long dim : shape) {
            count *= dim;
        }
        return count;
    }

    /// Whether `found` equals the expected shape.
    public boolean matches(long[] found) {
        return Arrays.equals(shape, found);
    }

    @Override
    public String toString() {
        return name() + Arrays.toString(shape);
    }
}
