package org.sembridge.engine.bridge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.hf.TextTokenizer;
import org.sembridge.engine.io.JsonText;
import org.sembridge.engine.safetensors.SafetensorsFile;
import org.sembridge.engine.safetensors.SafetensorsWriter;
import org.sembridge.engine.safetensors.TensorInfo;
import org.sembridge.engine.transfer.FloatMatrix;

/// Bridge vectors computed elsewhere (for example bge-m3 in Python, on a GPU), read from a
/// safetensors file and looked up by bridge text.
///
/// ## File format
///
/// A safetensors file with
///
/// - tensor `vectors`: `F32`, `F16`, `BF16` (or `F64`), shape `[n, D]`, one row per text;
/// - `__metadata__` entry `texts`: a JSON array of the `n` bridge texts, as a string (safetensors
///   metadata values are strings), row `i` being the vector of `texts[i]`;
/// - optional `__metadata__` entry `model`: the name of the bridge, shown in reports.
///
/// Texts are the strings [BridgeTexts] gives tokens (the decoded token text), not token ids, so
/// one file can serve the source and the target vocabulary and any other vocabulary whose texts
/// it holds. `docs/tools/export_bridge_vectors.py` writes such a file with sentence-transformers;
/// the bridge-vector cache of [BridgeVectorStore] uses the same format, so a cache file is also a
/// valid precomputed file.
///
/// ## Validation
///
/// [#open] checks everything before any lookup and reports it as [InputFormatException] naming
/// the file: unreadable safetensors, no `vectors` tensor, a dtype or rank other than the above,
/// no or malformed `texts`, a text count different from the row count, a NaN or infinity (naming
/// row, text and column). A text listed twice is accepted only when both rows are identical
/// (concatenated files repeat shared texts); different vectors for one text are refused, naming
/// the text and both rows. [#lookup] refuses a vocabulary whose texts are not all in the file,
/// with the count and the first five missing texts.
///
/// The file stays memory-mapped until [#close()]; rows are decoded on lookup, so a file larger
/// than the heap works as long as each looked-up vocabulary's vectors fit.
public final class PrecomputedBridgeVectors implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrecomputedBridgeVectors.class);

    /// Name of the tensor holding the vectors.
    public static final String VECTORS_TENSOR = "vectors";

    /// `__metadata__` key of the JSON array of texts.
    public static final String TEXTS_KEY = "texts";

    /// Optional `__metadata__` key naming the bridge model.
    public static final String MODEL_KEY = "model";

    private static final int MISSING_EXAMPLES = 5;
    private static final int SCAN_BLOCK_ELEMENTS = 1 << 22;
    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

    private final SafetensorsFile file;
    private final Map<String, Integer> rowByText;
    private final int rows;
    private final int dimension;

    private PrecomputedBridgeVectors(SafetensorsFile file, Map<String, Integer> rowByText, int rows, int dimension) {
        this.file = file;
        this.rowByText = rowByText;
        this.rows = rows;
        this.dimension = dimension;
    }

    /// Opens and validates a bridge-vector file (see the class comment).
    ///
    /// @throws InputFormatException naming the file and the problem
    public static PrecomputedBridgeVectors open(Path path) throws InputFormatException {
        SafetensorsFile file;
        try {
            file = SafetensorsFile.open(path);
        } catch (ModelFormatException e) {
            throw new InputFormatException(e.getMessage() + "; expected a bridge-vector safetensors file with tensor \""
                    + VECTORS_TENSOR + "\" and metadata \"" + TEXTS_KEY + "\" (docs/bridge-vectors.md)", e);
        }
        try {
            TensorInfo tensor = vectorsTensor(file);
            int rows = (int) tensor.shape()[0];
            int dimension = (int) tensor.shape()[1];
            List<String> texts = texts(file, rows);
            Map<String, Integer> rowByText = new HashMap<>(texts.size() * 2);
            List<int[]> duplicates = new ArrayList<>();
            for (int row = 0; row < texts.size(); row++) {
                Integer first = rowByText.putIfAbsent(texts.get(row), row);
                if (first != null) {
                    duplicates.add(new int[] {first, row});
                }
            }
            checkFinite(file, texts, rows, dimension);
            checkDuplicates(file, texts, duplicates, dimension);
            LOG.debug("Opened bridge vectors {}: {} texts x {} dims ({}), {} duplicate texts", path, rows, dimension,
                    tensor.dtype(), duplicates.size());
            return new PrecomputedBridgeVectors(file, rowByText, rows, dimension);
        } catch (InputFormatException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /// Writes `texts` and their `vectors` in the format above, atomically, as `F32`.
    ///
    /// @param texts one text per row of `vectors`
    /// @param metadata further `__metadata__` entries (e.g. [#MODEL_KEY]); must not contain
    ///     [#TEXTS_KEY]
    /// @throws IOException from the file system; `file` is then unchanged
    /// @throws IllegalArgumentException when the text count differs from the row count
    public static void write(Path file, List<String> texts, FloatMatrix vectors, Map<String, String> metadata)
            throws IOException {
        if (texts.size() != vectors.rows()) {
            throw new IllegalArgumentException("one text per row needed: " + texts.size() + " texts, "
                    + vectors.rows() + " rows");
        }
        if (metadata.containsKey(TEXTS_KEY)) {
            throw new IllegalArgumentException("metadata must not contain \"" + TEXTS_KEY + "\"; pass the texts");
        }
        SafetensorsWriter writer = new SafetensorsWriter();
        metadata.forEach(writer::putMetadata);
        writer.putMetadata(TEXTS_KEY, JSON.toJson(texts));
        writer.addFloats(VECTORS_TENSOR, new long[] {vectors.rows(), vectors.columns()}, vectors.values());
        writer.write(file);
    }

    /// The file.
    public Path file() {
        return file.path();
    }

    /// The bridge model named in the file's metadata, if any.
    public Optional<String> model() {
        return Optional.ofNullable(file.metadata().get(MODEL_KEY)).filter(s -> !s.isBlank());
    }

    /// All `__metadata__` entries (the `texts` array included).
    public Map<String, String> metadata() {
        return file.metadata();
    }

    /// Number of rows (texts) in the file.
    public int size() {
        return rows;
    }

    /// The vector length `D`.
    public int dimension() {
        return dimension;
    }

    /// Whether the file holds a vector for `text`.
    public boolean contains(String text) {
        return rowByText.containsKey(text);
    }

    /// The vectors of a vocabulary: row `i` is the file's vector of `texts.get(i)`. Origin:
    /// `precomputed file PATH` (plus ` (model NAME)` when the file names its bridge).
    ///
    /// @param texts the bridge texts of the vocabulary, in id order (see [BridgeTexts])
    /// @param vocabularyName names the vocabulary in messages, e.g. its tokenizer file
    /// @throws InputFormatException when texts are missing from the file: how many, of how many,
    ///     and the first five
    public BridgeVectors lookup(List<String> texts, String vocabularyName) throws InputFormatException {
        List<String> missing = texts.stream().filter(t -> !rowByText.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            throw new InputFormatException(file.path() + " lacks vectors for " + missing.size() + " of "
                    + texts.stream().distinct().count() + " distinct bridge texts of " + vocabularyName + " (first "
                    + Math.min(MISSING_EXAMPLES, missing.size()) + ": " + missing.stream().limit(MISSING_EXAMPLES)
                    .map(PrecomputedBridgeVectors::quote).collect(Collectors.joining(", "))
                    + "); the file must hold the bridge text of every token of both vocabularies: export it with "
                    + "docs/tools/export_bridge_vectors.py --tokenizer SOURCE --tokenizer TARGET");
        }
        FloatMatrix vectors = FloatMatrix.zeros(texts.size(), dimension);
        try {
            for (int i = 0; i < texts.size(); i++) {
                long first = (long) rowByText.get(texts.get(i)) * dimension;
                file.readFloats(VECTORS_TENSOR, first, vectors.values(), i * dimension, dimension);
            }
        } catch (ModelFormatException e) {
            throw new IllegalStateException("the vectors tensor was validated when the file was opened", e);
        }
        return new BridgeVectors(texts, vectors, origin());
    }

    /// [#lookup] with the bridge texts of every token of `tokenizer`.
    ///
    /// @throws InputFormatException when some of its texts are missing from the file
    public BridgeVectors forVocabulary(TextTokenizer tokenizer) throws InputFormatException {
        return lookup(BridgeTexts.forVocabulary(tokenizer), tokenizer.source().toString());
    }

    /// Unmaps the file; idempotent.
    @Override
    public void close() {
        file.close();
    }

    private String origin() {
        return "precomputed file " + file.path() + model().map(m -> " (model " + m + ")").orElse("");
    }

    private static TensorInfo vectorsTensor(SafetensorsFile file) throws InputFormatException {
        TensorInfo tensor = file.find(VECTORS_TENSOR).orElseThrow(() -> new InputFormatException(file.path()
                + ": no tensor \"" + VECTORS_TENSOR + "\"; expected the bridge vectors as a floating tensor [n, D] "
                + "(found tensors: " + file.tensors().stream().map(TensorInfo::name).collect(Collectors.joining(", "))
                + ")"));
        long[] shape = tensor.shape();
        if (!tensor.dtype().isFloatingPoint()) {
            throw new InputFormatException(file.path() + ": tensor \"" + VECTORS_TENSOR
                    + "\" must be F32, F16 or BF16, found " + tensor.dtype());
        }
        if (shape.length != 2 || shape[0] < 1 || shape[1] < 1 || shape[0] > Integer.MAX_VALUE
                || shape[1] > Integer.MAX_VALUE) {
            throw new InputFormatException(file.path() + ": tensor \"" + VECTORS_TENSOR
                    + "\" must have shape [n, D] with n >= 1 and D >= 1, found " + Arrays.toString(shape));
        }
        return tensor;
    }

    private static List<String> texts(SafetensorsFile file, int rows) throws InputFormatException {
        String json = file.metadata().get(TEXTS_KEY);
        String expected = "expected a JSON array of the " + rows + " bridge texts, one per row of \"" + VECTORS_TENSOR
                + "\"";
        if (json == null) {
            throw new InputFormatException(file.path() + ": __metadata__ has no \"" + TEXTS_KEY + "\" entry; "
                    + expected);
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(json);
        } catch (JsonParseException | StackOverflowError e) {
            throw new InputFormatException(file.path() + ": __metadata__ \"" + TEXTS_KEY + "\" is "
                    + JsonText.malformed(e) + "; " + expected, e);
        }
        if (!parsed.isJsonArray()) {
            throw new InputFormatException(file.path() + ": __metadata__ \"" + TEXTS_KEY + "\" must be a JSON array, "
                    + "found " + abbreviate(json) + "; " + expected);
        }
        JsonArray array = parsed.getAsJsonArray();
        List<String> texts = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonElement element = array.get(i);
            if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
                throw new InputFormatException(file.path() + ": __metadata__ \"" + TEXTS_KEY
                        + "\" must hold only strings, found " + abbreviate(element.toString()) + " at index " + i);
            }
            texts.add(element.getAsString());
        }
        if (texts.size() != rows) {
            throw new InputFormatException(file.path() + ": __metadata__ \"" + TEXTS_KEY + "\" lists " + texts.size()
                    + " texts, but tensor \"" + VECTORS_TENSOR + "\" has " + rows + " rows; expected one text per row");
        }
        return texts;
    }

    private static void checkFinite(SafetensorsFile file, List<String> texts, int rows, int dimension)
            throws InputFormatException {
        int blockRows = Math.max(1, SCAN_BLOCK_ELEMENTS / dimension);
        float[] block = new float[Math.min(rows, blockRows) * dimension];
        try {
            for (int start = 0; start < rows; start += blockRows) {
                int count = Math.min(blockRows, rows - start);
                file.readFloats(VECTORS_TENSOR, (long) start * dimension, block, 0, count * dimension);
                for (int i = 0; i < count * dimension; i++) {
                    if (!Float.isFinite(block[i])) {
                        int row = start + i / dimension;
                        throw new InputFormatException(file.path() + ": row " + row + " (text " + quote(texts.get(row))
                                + ") of tensor \"" + VECTORS_TENSOR + "\" has a non-finite value: expected finite "
                                + "numbers, found " + block[i] + " at column " + i % dimension);
                    }
                }
            }
        } catch (ModelFormatException e) {
            throw new InputFormatException(e.getMessage(), e);
        }
    }

    private static void checkDuplicates(SafetensorsFile file, List<String> texts, List<int[]> duplicates,
            int dimension) throws InputFormatException {
        float[] first = new float[dimension];
        float[] second = new float[dimension];
        try {
            for (int[] pair : duplicates) {
                file.readFloats(VECTORS_TENSOR, (long) pair[0] * dimension, first, 0, dimension);
                file.readFloats(VECTORS_TENSOR, (long) pair[1] * dimension, second, 0, dimension);
                if (!Arrays.equals(first, second)) {
                    throw new InputFormatException(file.path() + ": text " + quote(texts.get(pair[0]))
                            + " appears at rows " + pair[0] + " and " + pair[1] + " with different vectors; expected "
                            + "one vector per text (a repeated text must repeat the same vector)");
                }
            }
        } catch (ModelFormatException e) {
            throw new InputFormatException(e.getMessage(), e);
        }
    }

    /// A text as a JSON string literal, so whitespace and control characters show.
    static String quote(String text) {
        return JSON.toJson(text);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
