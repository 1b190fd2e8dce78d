/// Reading and writing user files safely: every read failure is one line in our words, naming the
/// file and the place, and every write is atomic. Shared by every reader and writer of the engine
/// and the workbench.
///
/// - [JsonText] parses JSON (a whole file or one JSON Lines line) and turns Gson's two-line
///   `MalformedJsonException` texts (with their advice to parse leniently and a link to Gson's
///   troubleshooting page) into `"<file>: not valid JSON at line L column C: expected ..."`.
/// - [Utf8Text] reads a whole file as strict UTF-8: a file that is not UTF-8 is reported with the
///   line and byte of the first bad byte, not as Java's `"Input length = 1"`.
/// - [TextLineReader] streams a line file (corpora, queries, qrels, runs, lexicons) as strict
///   UTF-8, bounded per line, naming file and line in every error (moved here from `index` so
///   that `vocab` and `eval` read lines without depending on the index package).
/// - [StandardErrorHandover] gives the process's standard error back from the launchers'
///   start-up filter; called first by both entry points (`cli.SemBridgeCli`, the workbench).
/// - [FormatVersion] is the one version rule of every SemBridge file format: the version is
///   written on write; a file without it reads as version 1; a newer version is refused naming the
///   file, the version found and the versions this reader reads.
/// - [ReadFailure] words an `IOException` without repeating the path the caller already names
///   (`"No space left on device"`, `"Permission denied"`).
///
/// - [WorkspaceRoot] says where a researcher's files live by default (`SEMBRIDGE_WORKSPACE`, else
///   `~/sembridge-workspace`); [FileRelativePath] resolves a path a user-written file names
///   (an experiment configuration, a saved session) against that file's folder.
///
/// - [AtomicFiles] writes every file and folder the engine writes, and [OutputMarker] decides which
///   existing output folders may be replaced.
/// - [WorkspaceRoot] says where the user's work goes by default (`$SEMBRIDGE_WORKSPACE`, else
///   `~/sembridge-workspace`), for the workbench and `sembridge experiment` alike.
/// - [StandardErrorHandover] gives the terminal's standard error back to the process after the
///   launcher's start-up filter; each entry point (`sembridge`, the workbench) calls it first.
///
/// Write invariants:
///
/// - **Never half-written.** Files go to a temporary sibling and are renamed with `ATOMIC_MOVE`;
///   result folders (runs, indexes, exports) are staged next to their target and renamed when
///   complete; failures and cancellations delete the staging copy.
/// - **We only replace what we made.** An existing output folder is replaced only when it is
///   empty or a complete output of the same kind: its `.sembridge-output` marker, written last,
///   lists exactly the files in it with their sizes. Anything else is refused, never deleted.
/// - **Orphans are recognisable.** Temporary names are hidden and carry the owning process id;
///   a staging folder whose process is gone is removed at the next start of the same output.
/// - **Umask.** Temporary files and folders get the process's default permissions (`0666` /
///   `0777` less the umask), never owner-only.
///
/// Invariant: nothing here prints, logs or decides exit codes (the handover only re-points a file
/// descriptor); callers choose the exception type
/// (`ModelFormatException` for model folders, `InputFormatException` for data) through an
/// [ErrorFactory], so the CLI maps each to its documented exit code.
package org.sembridge.engine.io;
