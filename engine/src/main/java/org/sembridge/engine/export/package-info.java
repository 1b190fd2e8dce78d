/// Writing results: [AtomicFiles] (every file and folder the engine writes) and [OutputMarker]
/// (which existing output folders may be replaced).
///
/// Invariants:
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
package org.sembridge.engine.export;
