/// Confinement of paths that come from the contents of a folder: [FolderConfinement].
///
/// ## The rule
///
/// A path that a model, run, index or experiment folder names in one of its own files
/// (`modules.json` module paths, `weight_map` shard names, the run and index folders an
/// experiment's cell record names) is resolved only through [FolderConfinement#resolve]. It
/// refuses values that are not strings, absolute paths, `..` escapes and links that lead out of
/// the folder, with an exception naming the file, the entry and the value (exit 10 for a model
/// folder, 11 for an output folder). Walking a folder to copy it ([FolderConfinement#requireInside])
/// applies the same link check to every file found.
///
/// Paths in user-written configuration (experiment configurations, saved sessions) and the
/// references a run or index records to other folders are the user's choice: they resolve
/// against the file naming them ([FolderConfinement#relativeToFile]) and are only read.
///
/// ## Enforcement
///
/// The engine's `ArchitectureTest` refuses any code unit outside this package that both takes a
/// string out of parsed JSON (Gson's `getAsString`, directly or through a string-returning
/// method of the same class) and makes a path from a string (`Path.resolve(String)`,
/// `Path.resolveSibling(String)`, `Path.of(String, String...)`, `new File(...)`).
///
/// ## Hugging Face cache
///
/// A snapshot folder of the hub cache (`models--ORG--NAME/snapshots/REV`) links every file into
/// the repository's `blobs` folder; those links count as inside.
package org.sembridge.engine.confinement;
