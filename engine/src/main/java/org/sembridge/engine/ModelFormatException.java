package org.sembridge.engine;

/// A model file or folder that cannot be used as it is: a malformed or lying safetensors header,
/// a missing tensor, a shape that disagrees with `config.json`, an unknown `model_type`, a pickled
/// checkpoint, non-finite weights.
public class ModelFormatException extends SemBridgeException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
