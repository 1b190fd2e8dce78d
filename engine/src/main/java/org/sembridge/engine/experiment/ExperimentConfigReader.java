package org.sembridge.engine.experiment;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.confinement.FolderConfinement;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.index.Bm25Language;
import org.sembridge.engine.io.JsonText;
import org.sembridge.engine.io.ReadFailure;
import org.sembridge.engine.io.Utf8Text;
import org.sembridge.engine.run.BiasMode;
import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.transfer.baseline.Alpha;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;
import org.sembridge.engine.transfer.baseline.TransferMethod;

/// Parses an experiment configuration file into an [ExperimentConfig] (format in its class
/// comment). Every problem is an `InputFormatException` that starts with the file and the key:
/// `demo.json: "languages.ko.corpus": file not found: /data/ko/corpus.jsonl`.
final class ExperimentConfigReader {

    private static final Set<String> TOP_KEYS = Set.of("description", "source", "bridge", "bias_mode", "device",
            "seed", "alphas", "methods", "languages", "reference");
    private static final Set<String> LANGUAGE_KEYS = Set.of("tokenizer", "corpus", "queries", "qrels",
            "bm25_language");
    private static final Set<String> REFERENCE_KEYS = Set.of("language", "corpus", "queries", "qrels",
            "bm25_language");

    private final Path file;
    private final Path folder;

    ExperimentConfigReader(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.folder = this.file.getParent();
    }

    ExperimentConfig read() throws InputFormatException {
        JsonObject root = parse();
        requireKnownKeys(root, "", TOP_KEYS);
        Path source = existing(root, "source", "source", Kind.FOLDER);
        Optional<Path> bridge = root.has("bridge") ? Optional.of(existing(root, "bridge", "bridge", Kind.ANY))
                : Optional.empty();
        BiasMode biasMode = root.has("bias_mode") ? parsed("bias_mode", () -> BiasMode.parse(
                string(root, "bias_mode", "bias_mode"))) : BiasMode.INDEX;
        DeviceChoice device = root.has("device") ? parsed("device", () -> DeviceChoice.parse(
                string(root, "device", "device"))) : DeviceChoice.AUTO;
        long seed = root.has("seed") ? integer(root.get("seed"), "seed") : TransferRequest.DEFAULT_SEED;
        List<ExperimentMethod> methods = methods(root);
        List<ExperimentLanguage> languages = languages(root, methods);
        Optional<ExperimentLanguage> reference = root.has("reference")
                ? Optional.of(reference(object(root.get("reference"), "reference")))
                : Optional.empty();
        if (bridge.isEmpty()) {
            for (ExperimentMethod method : methods) {
                if (needsBridge(method)) {
                    throw problem("bridge", "missing; the method " + method.name() + " needs a bridge (a "
                            + "sentence-encoder folder or a bridge-vector file); only " + bridgelessMethods()
                            + " run without one");
                }
            }
        }
        return new ExperimentConfig(file, source, bridge, biasMode, device, seed, methods, languages, reference);
    }

    private JsonObject parse() throws InputFormatException {
        String text;
        try {
            text = Utf8Text.read(file, InputFormatException::new);
        } catch (IOException e) {
            throw new InputFormatException(file + ": cannot read the experiment configuration ("
                    + ReadFailure.reason((IOException) e.getCause()) + ")", e);
        }
        JsonElement parsed = JsonText.parse(text, file, InputFormatException::new);
        if (!parsed.isJsonObject()) {
            throw new InputFormatException(file + ": expected a JSON object at the top level, found "
                    + describe(parsed));
        }
        return parsed.getAsJsonObject();
    }

    /// The rows: `methods` (default: `base` and every initializer) with `sembridge` once per
    /// alpha of `alphas` (default 4).
    private List<ExperimentMethod> methods(JsonObject root) throws InputFormatException {
        List<Double> alphas = root.has("alphas") ? alphas(root.get("alphas")) : List.of(TransferRequest.DEFAULT_ALPHA);
        List<String> names = new ArrayList<>();
        if (root.has("methods")) {
            JsonArray array = nonEmptyArray(root.get("methods"), "methods");
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < array.size(); i++) {
                String key = "methods[" + i + "]";
                String name = string(array.get(i), key).strip().toLowerCase(Locale.ROOT);
                if (!isKnownMethod(name)) {
                    throw problem(key, "unknown method \"" + name + "\"; expected one of " + knownMethods());
                }
                if (!seen.add(name)) {
                    throw problem(key, "the method " + name + " is listed twice");
                }
                names.add(name);
            }
        } else {
            names.add(ExperimentMethod.BASE);
            names.addAll(InitializerRegistry.names());
        }
        List<ExperimentMethod> methods = new ArrayList<>();
        for (String name : names) {
            if (InitializerRegistry.describe(name).readsAlpha()) {
                alphas.forEach(alpha -> methods.add(new ExperimentMethod(name, alpha)));
            } else {
                methods.add(ExperimentMethod.named(name));
            }
        }
        return methods;
    }

    private List<Double> alphas(JsonElement element) throws InputFormatException {
        JsonArray array = nonEmptyArray(element, "alphas");
        List<Double> alphas = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String key = "alphas[" + i + "]";
            double alpha = number(array.get(i), key);
            if (!Alpha.isValid(alpha)) {
                throw problem(key, Alpha.outOfRange(alpha));
            }
            if (alphas.contains(alpha)) {
                throw problem(key, "alpha " + alpha + " is listed twice");
            }
            alphas.add(alpha);
        }
        return alphas;
    }

    private List<ExperimentLanguage> languages(JsonObject root, List<ExperimentMethod> methods)
            throws InputFormatException {
        if (!root.has("languages")) {
            throw problem("languages", "missing; expected an object {\"ko\": {\"tokenizer\", \"corpus\", "
                    + "\"queries\", \"qrels\"}, ...} with at least one language");
        }
        JsonObject object = object(root.get("languages"), "languages");
        if (object.isEmpty()) {
            throw problem("languages", "empty; expected at least one language");
        }
        boolean needsBm25 = methods.stream().anyMatch(ExperimentMethod::lexical);
        List<ExperimentLanguage> languages = new ArrayList<>();
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            String code = entry.getKey();
            String prefix = "languages." + code;
            if (!ExperimentLanguage.isValidCode(code)) {
                throw problem(prefix, "the language code must be letters, digits, '-' or '_' (it names folders)");
            }
            JsonObject language = object(entry.getValue(), prefix);
            requireKnownKeys(language, prefix + ".", LANGUAGE_KEYS);
            Path tokenizer = existing(language, "tokenizer", prefix + ".tokenizer", Kind.ANY);
            RetrievalCollection collection = collection(language, prefix);
            if (needsBm25 && collection.bm25Language().isEmpty()) {
                throw problem(prefix + ".bm25_language", "missing; the method bm25 needs the analyzer language of "
                        + "every collection (" + bm25Codes() + ")");
            }
            languages.add(new ExperimentLanguage(code, Optional.of(tokenizer), collection));
        }
        return languages;
    }

    private ExperimentLanguage reference(JsonObject object) throws InputFormatException {
        requireKnownKeys(object, "reference.", REFERENCE_KEYS);
        String code = string(object, "language", "reference.language");
        if (!ExperimentLanguage.isValidCode(code)) {
            throw problem("reference.language", "the language code must be letters, digits, '-' or '_', found \""
                    + code + "\"");
        }
        return new ExperimentLanguage(code, Optional.empty(), collection(object, "reference"));
    }

    private RetrievalCollection collection(JsonObject object, String prefix) throws InputFormatException {
        Path corpus = existing(object, "corpus", prefix + ".corpus", Kind.FILE);
        Path queries = existing(object, "queries", prefix + ".queries", Kind.FILE);
        Path qrels = existing(object, "qrels", prefix + ".qrels", Kind.FILE);
        Optional<Bm25Language> bm25 = Optional.empty();
        if (object.has("bm25_language")) {
            String key = prefix + ".bm25_language";
            String code = string(object, "bm25_language", key);
            bm25 = Optional.of(parsed(key, () -> Bm25Language.forCode(code)));
        }
        return new RetrievalCollection(corpus, queries, qrels, bm25);
    }

    private enum Kind { FILE, FOLDER, ANY }

    /// The path under `name` in `object`, resolved against the configuration's folder, which must
    /// exist as the given kind.
    private Path existing(JsonObject object, String name, String key, Kind kind) throws InputFormatException {
        String value = string(object, name, key);
        if (value.isBlank()) {
            throw problem(key, "empty; expected a path");
        }
        Path path;
        try {
            path = FolderConfinement.relativeToFile(file, value);
        } catch (InvalidPathException e) {
            throw problem(key, "not a path on this system: " + e.getReason());
        }
        if (!Files.exists(path)) {
            throw problem(key, "not found: " + path + " (relative paths resolve against " + folder + ")");
        }
        if (kind == Kind.FILE && !Files.isRegularFile(path)) {
            throw problem(key, "expected a file, found a folder: " + path);
        }
        if (kind == Kind.FOLDER && !Files.isDirectory(path)) {
            throw problem(key, "expected a model folder, found a file: " + path);
        }
        return path;
    }

    private String string(JsonObject object, String name, String key) throws InputFormatException {
        if (!object.has(name) || object.get(name).isJsonNull()) {
            throw problem(key, "missing; expected a string");
        }
        return string(object.get(name), key);
    }

    private String string(JsonElement element, String key) throws InputFormatException {
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
            return element.getAsString();
        }
        throw problem(key, "expected a string, found " + describe(element));
    }

    private double number(JsonElement element, String key) throws InputFormatException {
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
            return element.getAsDouble();
        }
        throw problem(key, "expected a number, found " + describe(element));
    }

    private long integer(JsonElement element, String key) throws InputFormatException {
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
            BigDecimal value = element.getAsBigDecimal();
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                throw problem(key, "expected a whole number that fits 64 bits, found " + value.toPlainString());
            }
        }
        throw problem(key, "expected a whole number, found " + describe(element));
    }

    private JsonObject object(JsonElement element, String key) throws InputFormatException {
        if (element.isJsonObject()) {
            return element.getAsJsonObject();
        }
        throw problem(key, "expected an object {...}, found " + describe(element));
    }

    private JsonArray nonEmptyArray(JsonElement element, String key) throws InputFormatException {
        if (!element.isJsonArray()) {
            throw problem(key, "expected an array [...], found " + describe(element));
        }
        if (element.getAsJsonArray().isEmpty()) {
            throw problem(key, "empty; expected at least one entry");
        }
        return element.getAsJsonArray();
    }

    private void requireKnownKeys(JsonObject object, String prefix, Set<String> known) throws InputFormatException {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw problem(prefix + key, "unknown key; expected one of " + known.stream().sorted().toList());
            }
        }
    }

    private interface Parse<T> {
        T get() throws InputFormatException;
    }

    /// Runs a value parser of another package and prefixes its message with file and key.
    private <T> T parsed(String key, Parse<T> parse) throws InputFormatException {
        try {
            return parse.get();
        } catch (InputFormatException e) {
            if (e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new InputFormatException(prefix(key) + e.getMessage(), e);
        }
    }

    private InputFormatException problem(String key, String message) {
        return new InputFormatException(prefix(key) + message);
    }

    private String prefix(String key) {
        return file + ": \"" + key + "\": ";
    }

    private static String describe(JsonElement element) {
        if (element.isJsonNull()) {
            return "null";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        String kind = primitive.isString() ? "the string " : primitive.isNumber() ? "the number " : "";
        return kind + primitive;
    }

    private static boolean needsBridge(ExperimentMethod method) {
        return method.transfers() && InitializerRegistry.describe(method.name()).needsBridgeVectors();
    }

    /// The methods that run without a bridge: `base, bm25, mean, random, gauss and mvgauss`.
    private static String bridgelessMethods() {
        List<String> names = new ArrayList<>(List.of(ExperimentMethod.BASE, ExperimentMethod.BM25));
        InitializerRegistry.methods().stream().filter(method -> !method.needsBridgeVectors())
                .map(TransferMethod::name).forEach(names::add);
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static boolean isKnownMethod(String name) {
        return name.equals(ExperimentMethod.BASE) || name.equals(ExperimentMethod.BM25)
                || InitializerRegistry.find(name).isPresent();
    }

    private static String knownMethods() {
        List<String> names = new ArrayList<>();
        names.add(ExperimentMethod.BASE);
        names.addAll(InitializerRegistry.names());
        names.add(ExperimentMethod.BM25);
        return String.join(", ", names);
    }

    private static String bm25Codes() {
        return String.join(", ", Arrays.stream(Bm25Language.values()).map(Bm25Language::code).toList());
    }
}
