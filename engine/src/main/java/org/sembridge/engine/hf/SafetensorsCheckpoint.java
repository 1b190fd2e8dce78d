package org.sembridge.engine.hf;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.google.gson.JsonElement;

import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.confinement.FolderConfinement;
import org.sembridge.engine.safetensors.SafetensorsFile;
import org.sembridge.engine.safetensors.TensorInfo;

/// The weights of one model: a single `model.safetensors`, or the shards listed by
/// `model.safetensors.index.json` (`{"weight_map": {tensor: shard file}}`), opened as one
/// name space. Shard names are confined to the index's folder ([FolderConfinement]): a name
/// that is not a string, is absolute, climbs out with `..` or goes through a link out of the
/// folder is refused before any file is opened.
///
/// Every shard is memory-mapped by [SafetensorsFile]; nothing is read until a tensor is asked
/// for. Closing the checkpoint unmaps all shards.
public final class SafetensorsCheckpoint implements AutoCloseable {

    /// File name of an unsharded checkpoint.
    public static final String SINGLE_FILE = "model.safetensors";
    /// File name of the shard index of a sharded checkpoint.
    public static final String INDEX_FILE = "model.safetensors.index.json";

    private final Path source;
    private final List<SafetensorsFile> shards;
    private final Map<String, SafetensorsFile> byName;

    private SafetensorsCheckpoint(Path source, List<SafetensorsFile> shards, Map<String, SafetensorsFile> byName) {
        this.source = source;
        this.shards = shards;
        this.byName = byName;
    }

    /// Opens `model.safetensors` or `model.safetensors.index.json` (whichever `source` names).
    ///
    /// @throws ModelFormatException naming the file when a shard is missing or invalid, the
    ///     index is malformed, or the index places a tensor in a shard that lacks it
    public static SafetensorsCheckpoint open(Path source) throws ModelFormatException {
        if (source.getFileName().toString().equals(INDEX_FILE)) {
            return openSharded(source);
        }
        SafetensorsFile file = SafetensorsFile.open(source);
        Map<String, SafetensorsFile> byName = new LinkedHashMap<>();
        file.tensors().forEach(tensor -> byName.put(tensor.name(), file));
        return new SafetensorsCheckpoint(source, List.of(file), byName);
    }

    private static SafetensorsCheckpoint openSharded(Path index) throws ModelFormatException {
        JsonFile json = JsonFile.read(index);
        JsonElement map = json.root().get("weight_map");
        if (map == null || !map.isJsonObject()) {
            throw new ModelFormatException(index + ": no \"weight_map\" object");
        }
        Path folder = index.getParent() != null ? index.getParent() : index.toAbsolutePath().getParent();
        FolderConfinement<ModelFormatException> confinement = FolderConfinement.ofModelFolder(folder);
        Map<String, Path> shardOf = new TreeMap<>();
        for (Map.Entry<String, JsonElement> entry : map.getAsJsonObject().entrySet()) {
            shardOf.put(entry.getKey(), confinement.resolve(index, "weight_map[\"" + entry.getKey() + "\"]",
                    entry.getValue()));
        }
        Map<Path, SafetensorsFile> files = new LinkedHashMap<>();
        Map<String, SafetensorsFile> byName = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Path> entry : shardOf.entrySet()) {
                SafetensorsFile file = files.get(entry.getValue());
                if (file == null) {
                    Path shard = entry.getValue();
                    if (!Files.isRegularFile(shard)) {
                        throw new ModelFormatException(index + ": shard " + folder.relativize(shard)
                                + " (holding tensor '" + entry.getKey() + "') does not exist in " + index.getParent());
                    }
                    file = SafetensorsFile.open(shard);
                    files.put(entry.getValue(), file);
                }
                if (file.find(entry.getKey()).isEmpty()) {
                    throw new ModelFormatException(index + ": places tensor '" + entry.getKey() + "' in "
                            + file.path() + ", which has no such tensor");
                }
                byName.put(entry.getKey(), file);
            }
        } catch (ModelFormatException | RuntimeException e) {
            files.values().forEach(SafetensorsFile::close);
            throw e;
        }
        return new SafetensorsCheckpoint(index, List.copyOf(files.values()), byName);
    }

    /// The file the checkpoint was opened from (`model.safetensors` or the index).
    public Path source() {
        return source;
    }

    /// The safetensors files, one per shard.
    public List<Path> files() {
        return shards.stream().map(SafetensorsFile::path).toList();
    }

    /// All tensor names, in file order.
    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    /// The header entry of a tensor, if present.
    public Optional<TensorInfo> find(String name) {
        SafetensorsFile file = byName.get(name);
        return file == null ? Optional.empty() : file.find(name);
    }

    /// The header entry of a tensor.
    ///
    /// @throws ModelFormatException naming the checkpoint file and the tensor when it is absent
    public TensorInfo require(String name) throws ModelFormatException {
        SafetensorsFile file = byName.get(name);
        if (file == null) {
            if (shards.size() == 1) {
                return shards.getFirst().require(name);
            }
            throw new ModelFormatException("tensor '" + name + "' not found in " + source + " (" + byName.size()
                    + " tensors in " + shards.size() + " shards)");
        }
        return file.require(name);
    }

    /// The file holding a tensor (for messages).
    public Path fileOf(String name) {
        SafetensorsFile file = byName.get(name);
        return file == null ? source : file.path();
    }

    /// Reads a floating tensor as `float`, row-major, and checks that every value is finite.
    ///
    /// @throws ModelFormatException naming the file and tensor when it is missing, not
    ///     floating point, or holds a NaN or infinity (with its flat index)
    public float[] readFiniteFloats(String name) throws ModelFormatException {
        require(name);
        return byName.get(name).readFiniteFloats(name);
    }

    /// Reads a floating tensor like [#readFiniteFloats(String)] into `dest` (float32 in the
    /// platform's byte order) instead of a new array ([SafetensorsFile#readFiniteFloats(String, MemorySegment)]).
    ///
    /// @throws ModelFormatException as [#readFiniteFloats(String)]
    public void readFiniteFloats(String name, MemorySegment dest) throws ModelFormatException {
        require(name);
        byName.get(name).readFiniteFloats(name, dest);
    }

    /// Stored elements per storage dtype (`F32`, `F16`, `BF16`, ...), in dtype name order.
    public Map<String, Long> elementsByDtype() {
        Map<String, Long> counts = new TreeMap<>();
        for (SafetensorsFile file : shards) {
            for (TensorInfo tensor : file.tensors()) {
                counts.merge(tensor.dtype().safetensorsName(), tensor.elementCount(), Long::sum);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /// Unmaps every shard; idempotent.
    @Override
    public void close() {
        shards.forEach(SafetensorsFile::close);
    }
}
