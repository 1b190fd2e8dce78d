package org.sembridge.engine.hf;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.sembridge.engine.ModelFormatException;

/// The feed-forward activation of an encoder, as named by `hidden_act` (BERT, RoBERTa) or
/// `activation` (DistilBERT) in `config.json`.
public enum HiddenActivation {
    /// Exact GELU, `x * (1 + erf(x / sqrt(2))) / 2` (`gelu`).
    GELU(List.of("gelu")),
    /// Tanh approximation of GELU,
    /// `x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 x^3))) / 2` (`gelu_new`, `gelu_pytorch_tanh`,
    /// `gelu_fast`; the three are the same function written differently).
    GELU_TANH(List.of("gelu_new", "gelu_pytorch_tanh", "gelu_fast")),
    /// `max(x, 0)` (`relu`).
    RELU(List.of("relu"));

    private final List<String> configNames;

    HiddenActivation(List<String> configNames) {
        this.configNames = configNames;
    }

    /// The `config.json` values that select this activation; the first is the canonical one.
    public List<String> configNames() {
        return configNames;
    }

    /// Looks up the activation named in `config.json`.
    ///
    /// @param name the value found
    /// @param key the key it was found under (`hidden_act` or `activation`), for the message
    /// @param configFile the file, for the message
    /// @throws ModelFormatException naming the file, key, value and the supported values
    public static HiddenActivation fromConfigName(String name, String key, Path configFile)
            throws ModelFormatException {
        for (HiddenActivation activation : values()) {
            if (activation.configNames.contains(name)) {
                return activation;
            }
        }
        String supported = Arrays.stream(values()).flatMap(a -> a.configNames.stream())
                .collect(Collectors.joining(", "));
        throw new ModelFormatException(configFile + ": " + key + " \"" + name
                + "\" is not supported; supported activations: " + supported);
    }
}
