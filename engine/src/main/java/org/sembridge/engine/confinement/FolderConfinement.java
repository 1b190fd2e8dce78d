package org.sembridge.engine.confinement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.google.gson.JsonElement;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.SemBridgeException;
import org.sembridge.engine.io.FileRelativePath;

/// The one way to turn a path named *inside* a folder's files into a path on disk, refusing
/// anything that would leave that folder.
///
/// Model folders come from the internet and run, index and experiment folders can be edited by
/// hand, so every path that comes from their contents is untrusted: a sentence-transformers
/// `modules.json` module `path`, a shard name in the `weight_map` of
/// `model.safetensors.index.json`, a run or index folder that an experiment's cell record names.
/// [#resolve] accepts a relative path whose normal form stays inside [#folder()] and refuses,
/// with an exception that names the file, the entry and the value:
///
/// - a value that is not a JSON string (`null`, a number, an object, a list);
/// - an absolute path (`/etc/passwd`);
/// - a path that leaves the folder after normalisation (`../../x`, `a/../../x`); `a/../b`
///   stays inside and is accepted as `b`;
/// - a path one of whose existing components is a symbolic link whose real target lies outside
///   the folder (or a link whose target does not exist);
/// - a value that is not a valid path on this file system (a NUL character).
///
/// **Hugging Face cache.** A folder `.../models--ORG--NAME/snapshots/REVISION` is the layout of
/// the Hugging Face hub cache, where every file is a link into the repository's own
/// `.../models--ORG--NAME/blobs`; links into that `blobs` folder count as inside. No other link
/// leaves a folder.
///
/// [#requireInside] applies the same link check to a path found by walking the folder (a
/// module folder being copied), so that a link placed inside a module folder cannot copy a file
/// from elsewhere into an output.
///
/// Paths in **user-written configuration** (an experiment configuration, a saved session) and
/// references a run or index records to *other* folders (the source model it was made from)
/// are not confined: the user chose them. [#relativeToFile] resolves those against the folder
/// of the file that names them. They are only ever read; outputs are written under the output
/// folder the command was given, never at a path taken from a file.
///
/// The errors are [ModelFormatException] for model folders ([#ofModelFolder], exit 10) and
/// [InputFormatException] for the tool's own output folders ([#ofOutputFolder], exit 11). A
/// confinement is immutable and cheap; the real path of the folder is read once, when the first
/// link is met.
///
/// @param <E> the exception a refused path raises
public final class FolderConfinement<E extends SemBridgeException> {

    private static final int SHOWN_VALUE_CHARS = 120;

    private final Path folder;
    private final String noun;
    private final Function<String, E> refusal;

    private FolderConfinement(Path folder, String noun, Function<String, E> refusal) {
        this.folder = folder;
        this.noun = noun;
        this.refusal = refusal;
    }

    /// Confines paths named inside a model folder (or one of its module folders).
    public static FolderConfinement<ModelFormatException> ofModelFolder(Path folder) {
        return new FolderConfinement<>(folder, "model folder", ModelFormatException::new);
    }

    /// Confines paths named inside an output folder of this tool (a run, an index, an
    /// experiment).
    public static FolderConfinement<InputFormatException> ofOutputFolder(Path folder) {
        return new FolderConfinement<>(folder, "folder", InputFormatException::new);
    }

    /// Resolves a path that a user-written file names (an experiment configuration, a session)
    /// or that a file records about another folder: absolute as it is, relative against the
    /// folder of `namingFile`. Not confined; callers only read what it names.
    public static Path relativeToFile(Path namingFile, String value) {
        return FileRelativePath.resolve(namingFile, value);
    }

    /// The folder paths must stay in.
    public Path folder() {
        return folder;
    }

    /// Resolves the JSON value of `entry` in `namingFile` against [#folder()].
    ///
    /// @param namingFile the file that names the path (for the message)
    /// @param entry where in that file (`modules[0].path`, `weight_map["bert.pooler.dense.bias"]`)
    /// @param value the JSON value; must be a string
    /// @return `folder` resolved with the normalised relative path (`folder` itself for `""`)
    /// @throws E naming the file, the entry and the value when the value is not a string or the
    ///     path would leave the folder
    public Path resolve(Path namingFile, String entry, JsonElement value) throws E {
        if (value == null || value.isJsonNull()) {
            throw refuse(namingFile, entry, "is null", "expected a relative path inside the " + noun + " " + folder
                    + " as a JSON string");
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw refuse(namingFile, entry, "is " + kind(value) + " " + shown(value.toString()),
                    "expected a relative path inside the " + noun + " " + folder + " as a JSON string");
        }
        return resolve(namingFile, entry, value.getAsString());
    }

    /// Resolves the path `value` that `entry` of `namingFile` names against [#folder()].
    ///
    /// @throws E as [#resolve(Path, String, JsonElement)]
    public Path resolve(Path namingFile, String entry, String value) throws E {
        String quoted = "\"" + shown(value) + "\"";
        Path relative;
        try {
            relative = folder.getFileSystem().getPath(value);
        } catch (InvalidPathException e) {
            throw refuse(namingFile, entry, quoted + " is not a valid path (" + e.getReason() + ")",
                    "expected a relative path inside the " + noun + " " + folder);
        }
        if (relative.isAbsolute() || relative.getRoot() != null) {
            throw refuse(namingFile, entry, quoted + " is an absolute path",
                    "expected a path relative to the " + noun + " " + folder);
        }
        Path normal = relative.normalize();
        if (normal.startsWith("..")) {
            throw refuse(namingFile, entry, quoted + " leaves the " + noun + " " + folder,
                    "paths named inside a " + noun + " must stay inside it");
        }
        Path resolved = folder.resolve(normal);
        checkLinks(normal, namingFile, entry, quoted);
        return resolved;
    }

    /// Checks that `path`, a path under [#folder()] found by walking it, does not reach outside
    /// through a symbolic link.
    ///
    /// @param entry the entry that led there (for the message)
    /// @throws E naming the file, the entry and the link when it does
    public Path requireInside(Path path, Path namingFile, String entry) throws E {
        Path normal = folder.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize());
        String quoted = "\"" + shown(normal.toString()) + "\"";
        if (normal.startsWith("..")) {
            throw refuse(namingFile, entry, quoted + " leaves the " + noun + " " + folder,
                    "paths named inside a " + noun + " must stay inside it");
        }
        checkLinks(normal, namingFile, entry, quoted);
        return path;
    }

    /// Refuses a link among the existing components of `normal` (a normalised relative path)
    /// whose real target is outside the folder.
    private void checkLinks(Path normal, Path namingFile, String entry, String quoted) throws E {
        if (normal.toString().isEmpty()) {
            return;
        }
        List<Path> roots = null;
        Path current = folder;
        for (Path name : normal) {
            current = current.resolve(name.toString());
            if (!Files.isSymbolicLink(current)) {
                if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                    return;
                }
                continue;
            }
            if (roots == null) {
                roots = allowedRoots();
            }
            Path target;
            try {
                target = current.toRealPath();
            } catch (IOException e) {
                throw refuse(namingFile, entry, quoted + " goes through the symbolic link " + current
                        + ", whose target does not exist", "expected a file inside the " + noun + " " + folder);
            }
            if (roots.stream().noneMatch(target::startsWith)) {
                throw refuse(namingFile, entry, quoted + " goes through the symbolic link " + current + " to " + target
                        + ", outside the " + noun + " " + folder, "links may not lead out of the " + noun);
            }
        }
    }

    /// The real path of the folder and, for a Hugging Face cache snapshot, of its `blobs`.
    private List<Path> allowedRoots() {
        List<Path> roots = new ArrayList<>();
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            real = folder.toAbsolutePath().normalize();
        }
        roots.add(real);
        for (Path dir = real; dir != null && dir.getParent() != null; dir = dir.getParent()) {
            Path parent = dir.getParent();
            Path repository = parent.getParent();
            if (parent.getFileName() != null && parent.getFileName().toString().equals("snapshots")
                    && repository != null && repository.getFileName() != null
                    && repository.getFileName().toString().startsWith("models--")) {
                Path blobs = repository.resolve("blobs");
                try {
                    roots.add(blobs.toRealPath());
                } catch (IOException e) {
                    roots.add(blobs);
                }
                break;
            }
        }
        return roots;
    }

    private E refuse(Path namingFile, String entry, String problem, String expected) {
        return refusal.apply(namingFile + ": " + entry + " " + problem + "; " + expected);
    }

    private static String kind(JsonElement value) {
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "a list";
        }
        return value.getAsJsonPrimitive().isNumber() ? "a number" : "a boolean";
    }

    private static String shown(String value) {
        String printable = value.replace("\u0000", "\\0").replace("\n", "\\n");
        return printable.length() <= SHOWN_VALUE_CHARS ? printable
                : printable.substring(0, SHOWN_VALUE_CHARS) + "... (" + value.length() + " characters)";
    }
}
