/// Writing results: [AtomicFiles] (every file and folder the engine writes), and the exporters of
/// adapted models and reports.
///
/// Invariant: a reader never sees a half-written file or folder. Files go to a temporary sibling
/// and are renamed with `ATOMIC_MOVE`; result folders are staged next to their target and renamed
/// when complete; failures and cancellations delete the staging copy.
package org.sembridge.engine.export;
