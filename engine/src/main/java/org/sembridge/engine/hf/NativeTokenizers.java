package org.sembridge.engine.hf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.TokenizerConfig;
import ai.djl.huggingface.tokenizers.jni.LibUtils;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Creates DJL's [HuggingFaceTokenizer] from the text of a `tokenizer.json` that [TextTokenizer]
/// has already read (and checks meanwhile), so that the file is not read a second time.
///
/// DJL's `HuggingFaceTokenizer.newInstance(InputStream, Map)` reads the stream into a byte array
/// and then a string of its own before it hands the string to the native library
/// (`TokenizersLibrary.createTokenizerFromString`) and wraps the handle with its constructor
/// `(handle, options, null, null)`. For a 262,145-entry `tokenizer.json` (33 MB, 31 million
/// characters) that copy allocated about 270 MB of heap at start-up, on the thread the index
/// build waits for. [#fromJson] makes the same two calls with the caller's string: the handle
/// comes from the same native function and is wrapped by the same constructor with the same
/// arguments, so the tokenizer behaves identically. DJL's constructor is private, so it is
/// reached by reflection; when this DJL version has no such constructor ([#direct()] false, a
/// test pins it for the version in use), [#fromJson] takes `newInstance` on the bytes instead.
final class NativeTokenizers {

    private static final Logger LOG = LoggerFactory.getLogger(NativeTokenizers.class);

    /// DJL's `HuggingFaceTokenizer(long handle, Map options, TokenizerConfig config, PadInfo padInfo)`,
    /// or null when it is not there (another DJL version).
    private static final Constructor<HuggingFaceTokenizer> FROM_HANDLE = fromHandle();

    private NativeTokenizers() {
    }

    /// The tokenizer of the `tokenizer.json` text `json`, with DJL's `options`, as
    /// `HuggingFaceTokenizer.newInstance(InputStream, Map)` builds it from a stream of that text.
    ///
    /// @throws IOException as `newInstance` does
    /// @throws RuntimeException as `newInstance` does when the native library refuses the text
    static HuggingFaceTokenizer fromJson(String json, Map<String, String> options) throws IOException {
        if (FROM_HANDLE == null) {
            return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    options);
        }
        LibUtils.checkStatus();
        long handle = TokenizersLibrary.LIB.createTokenizerFromString(json);
        try {
            return FROM_HANDLE.newInstance(handle, options, null, null);
        } catch (InvocationTargetException e) {
            TokenizersLibrary.LIB.deleteTokenizer(handle);
            switch (e.getCause()) {
                case RuntimeException cause -> throw cause;
                case Error cause -> throw cause;
                default -> throw new IllegalStateException("the tokenizer could not be created", e.getCause());
            }
        } catch (ReflectiveOperationException e) {
            TokenizersLibrary.LIB.deleteTokenizer(handle);
            throw new IllegalStateException("the tokenizer constructor could not be called", e);
        }
    }

    /// Whether [#fromJson] hands the caller's text to the native library directly (else it goes
    /// through DJL's `newInstance`, which copies it).
    static boolean direct() {
        return FROM_HANDLE != null;
    }

    private static Constructor<HuggingFaceTokenizer> fromHandle() {
        try {
            Class<?> padInfo = Class.forName("ai.djl.huggingface.tokenizers.PadTokenResolver$PadInfo", false,
                    HuggingFaceTokenizer.class.getClassLoader());
            Constructor<HuggingFaceTokenizer> constructor = HuggingFaceTokenizer.class.getDeclaredConstructor(
                    long.class, Map.class, TokenizerConfig.class, padInfo);
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("DJL's tokenizer constructor is not available ({}); tokenizer.json text goes through"
                    + " HuggingFaceTokenizer.newInstance", e.toString());
            return null;
        }
    }
}
