package org.sembridge.engine.encoder;

/// LayerNorm of one Java float row in place, as `torch.nn.LayerNorm` (biased variance):
/// `(x - mean) / sqrt(var + eps) * gain + shift`, the mean and variance summed in double.
/// The host forward pass's counterpart of [LayerNormalization].
///
/// @param gain `[width]` (`weight` / `gamma`)
/// @param shift `[width]` (`bias` / `beta`)
/// @param eps the epsilon of `config.json`
record HostNorm(float[] gain, float[] shift, float eps) {

    HostNorm {
        if (gain.length != shift.length) {
            throw new IllegalArgumentException("LayerNorm gain has " + gain.length + " values, shift " + shift.length);
        }
    }

    /// A copy of `norm`'s parameters as Java arrays.
    static HostNorm of(LayerNormalization norm) {
        return new HostNorm(norm.gain().toFloatArray(), norm.shift().toFloatArray(), norm.eps());
    }

    /// Normalises `row[0 .. width)` in place, `width = gain.length`.
    void apply(float[] row) {
        int n = gain.length;
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 += row[i];
            s1 += row[i + 1];
        }
        if (i < n) {
            s0 += row[i];
        }
        double mean = (s0 + s1) / n;
        double v0 = 0;
        double v1 = 0;
        for (i = 0; i + 1 < n; i += 2) {
            double d0 = row[i] - mean;
            double d1 = row[i + 1] - mean;
            v0 += d0 * d0;
            v1 += d1 * d1;
        }
        if (i < n) {
            double d = row[i] - mean;
            v0 += d * d;
        }
        float m = (float) mean;
        float inverse = (float) (1 / Math.sqrt((v0 + v1) / n + eps));
        for (i = 0; i < n; i++) {
            row[i] = (row[i] - m) * inverse * gain[i] + shift[i];
        }
    }
}
