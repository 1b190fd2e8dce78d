package org.sembridge.engine.hf;

/// How a sentence encoder turns the hidden states of one text into one vector
/// (sentence-transformers `1_Pooling/config.json`). Padding positions never take part.
public enum PoolingMode {
    /// The hidden state of the first token (`[CLS]` / `<s>`), `pooling_mode_cls_token`.
    CLS("pooling_mode_cls_token"),
    /// The mean of the hidden states over the attention mask, `pooling_mode_mean_tokens`.
    MEAN("pooling_mode_mean_tokens"),
    /// The element-wise maximum over the attention mask, `pooling_mode_max_tokens`.
    MAX("pooling_mode_max_tokens");

    private final String configKey;

    PoolingMode(String configKey) {
        this.configKey = configKey;
    }

    /// The boolean key of `1_Pooling/config.json` that selects this mode.
    public String configKey() {
        return configKey;
    }
}
