package org.sembridge.engine.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.transfer.baseline.Alpha;
import org.sembridge.engine.vocab.OverlapOptions;

/// Everything one language transfer needs: what to adapt, to which tokenizer, with which method
/// and settings, and where to write the run folder. Build it with [#builder].
///
/// @param source the source model folder (a `*ForMaskedLM` checkpoint, e.g. a SPLADE encoder)
/// @param targetTokenizer the target tokenizer: a folder holding `tokenizer.json` or `vocab.txt`,
///     or a `tokenizer.json` file
/// @param bridge the bridge: a sentence-encoder model folder, or a precomputed bridge-vector
///     safetensors file; `null` is allowed only for methods that do not read bridge vectors
/// @param method the initializer name (`sembridge`, `focus`, `ofa`, `mean`, `random`, `gauss`,
///     `mvgauss`)
/// @param alpha the entmax order of `sembridge`, in `[1, 8]` (default 4; 1 is softmax)
/// @param biasMode how the decoder bias is carried over (default [BiasMode#INDEX])
/// @param overlap which target tokens are copied from the source (default exact matches only)
/// @param device where matrix products and the bridge run (default `auto`)
/// @param seed seed of every random choice (default 42)
/// @param out the run folder to create; an existing folder is replaced only when the new run is
///     complete
/// @param unknownBridge what new tokens whose bridge text embeds like the bridge's unknown token
///     get (default [UnknownBridgeRule#ENTMAX], the method as for any token)
/// @param language the target language the user named, or several separated by commas
///     (`ko,ru,ar`), recorded in `run.json`; empty (the default) to infer it ([TargetLanguage])
/// @param lexicon a concepts lexicon whose language columns tell which languages an inferred
///     vocabulary covers ([LexiconLanguages]); `null` for none (then only a named language or the
///     tokenizer folder's is recorded as covered)
public record TransferRequest(Path source, Path targetTokenizer, Path bridge, String method, double alpha,
        BiasMode biasMode, OverlapOptions overlap, DeviceChoice device, long seed, Path out,
        UnknownBridgeRule unknownBridge, String language, Path lexicon) {

    /// The paper's entmax order.
    public static final double DEFAULT_ALPHA = Alpha.DEFAULT.value();
    /// Default seed of the random baselines.
    public static final long DEFAULT_SEED = 42L;

    /// Checks for missing values; the alpha range is checked by [Builder#build()].
    ///
    /// @throws IllegalArgumentException for a `null` required value or an alpha outside `[1, 8]`
    public TransferRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(targetTokenizer, "targetTokenizer");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(biasMode, "biasMode");
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(unknownBridge, "unknownBridge");
        language = language == null ? "" : language.strip();
        if (!Alpha.isValid(alpha)) {
            throw new IllegalArgumentException(Alpha.outOfRange(alpha));
        }
    }

    /// This request with `file` as its [lexicon][#lexicon()] (the workflow gives the bundled one
    /// when the caller gave none).
    public TransferRequest withLexicon(Path file) {
        return new TransferRequest(source, targetTokenizer, bridge, method, alpha, biasMode, overlap, device, seed, out,
                unknownBridge, language, file);
    }

    /// Starts a request with the required values; the optional ones take their defaults.
    ///
    /// @param source the source model folder
    /// @param targetTokenizer the target tokenizer folder or `tokenizer.json`
    /// @param method the initializer name
    /// @param out the run folder to create
    public static Builder builder(Path source, Path targetTokenizer, String method, Path out) {
        return new Builder(source, targetTokenizer, method, out);
    }

    /// Builds a [TransferRequest]; optional settings are `optX` methods (defaults in their docs).
    public static final class Builder {

        private final Path source;
        private final Path targetTokenizer;
        private final String method;
        private final Path out;
        private Path bridge;
        private double alpha = DEFAULT_ALPHA;
        private BiasMode biasMode = BiasMode.INDEX;
        private OverlapOptions overlap = OverlapOptions.DEFAULTS;
        private DeviceChoice device = DeviceChoice.AUTO;
        private long seed = DEFAULT_SEED;
        private UnknownBridgeRule unknownBridge = UnknownBridgeRule.ENTMAX;
        private static final Pattern LANGUAGE_CODES = Pattern.compile(
                "[\\p{L}\\p{N}_-]{1,35}(?:\\s*,\\s*[\\p{L}\\p{N}_-]{1,35}){0,63}");

        private String language = "";
        private Path lexicon;

        private Builder(Path source, Path targetTokenizer, String method, Path out) {
            this.source = source;
            this.targetTokenizer = targetTokenizer;
            this.method = method;
            this.out = out;
        }

        /// The bridge model folder or precomputed bridge-vector file (default none).
        public Builder optBridge(Path value) {
            this.bridge = value;
            return this;
        }

        /// The entmax order, `1 <= alpha <= 8` (default 4).
        public Builder optAlpha(double value) {
            this.alpha = value;
            return this;
        }

        /// The decoder-bias mode (default [BiasMode#INDEX]).
        public Builder optBiasMode(BiasMode value) {
            this.biasMode = value;
            return this;
        }

        /// The overlap options (default exact matches only).
        public Builder optOverlap(OverlapOptions value) {
            this.overlap = value;
            return this;
        }

        /// The overlap options as the front-ends offer them: exact matches always, plus fuzzy
        /// matches, symbol matching and special tokens copied by role as chosen (as `init --fuzzy
        /// --symbols --map-specials`; the default is exact matches only).
        public Builder optOverlap(boolean fuzzy, boolean symbols, boolean specialsByRole) {
            return optOverlap(new OverlapOptions(true, fuzzy, symbols, specialsByRole));
        }

        /// The device request (default [DeviceChoice#AUTO]).
        public Builder optDevice(DeviceChoice value) {
            this.device = value;
            return this;
        }

        /// The seed of the random baselines (default 42).
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /// What rows whose bridge text embeds like the bridge's unknown token get (default
        /// [UnknownBridgeRule#ENTMAX]).
        public Builder optUnknownBridge(UnknownBridgeRule value) {
            this.unknownBridge = value;
            return this;
        }

        /// The concepts lexicon that tells which languages an inferred vocabulary covers (default
        /// none; see [TransferRequest#lexicon()]).
        public Builder optLexicon(Path value) {
            this.lexicon = value;
            return this;
        }

        /// The target language to record in `run.json`, e.g. `ko`, or the languages of a
        /// multilingual tokenizer, `ko,ru,ar` (default: inferred, see [TargetLanguage]); `null`
        /// or blank means inferred.
        public Builder optLanguage(String value) {
            this.language = value == null ? "" : value;
            return this;
        }

        /// Validates user-facing values and builds the request.
        ///
        /// @throws InputFormatException when alpha is outside `[1, 8]` or not a number, or the
        ///     language is not a language code
        public TransferRequest build() throws InputFormatException {
            Alpha.of(alpha);
            String named = language.strip();
            if (!named.isEmpty() && !LANGUAGE_CODES.matcher(named).matches()) {
                throw new InputFormatException("language \"" + (named.length() > 40 ? named.substring(0, 40) + "..." : named)
                        + "\" is not a language code: expected 1 to 35 letters, digits, '-' or '_' (e.g. ko, pt_BR, multi),"
                        + " or up to 64 of them separated by commas (ko,ru,ar)");
            }
            return new TransferRequest(source, targetTokenizer, bridge, method, alpha, biasMode, overlap, device,
                    seed, out, unknownBridge, language, lexicon);
        }
    }
}
