/// Reading text and JSON from user files so that every failure is one line in our words, naming
/// the file and the place: shared by every reader of the engine.
///
/// - [JsonText] parses JSON (a whole file or one JSON Lines line) and turns Gson's two-line
///   `MalformedJsonException` texts (with their advice to parse leniently and a link to Gson's
///   troubleshooting page) into `"<file>: not valid JSON at line L column C: expected ..."`.
/// - [Utf8Text] reads a whole file as strict UTF-8: a file that is not UTF-8 is reported with the
///   line and byte of the first bad byte, not as Java's `"Input length = 1"`.
/// - [ReadFailure] words an `IOException` without repeating the path the caller already names
///   (`"No space left on device"`, `"Permission denied"`).
///
/// Invariant: nothing here prints, logs or decides exit codes; callers choose the exception type
/// (`ModelFormatException` for model folders, `InputFormatException` for data) through an
/// [ErrorFactory], so the CLI maps each to its documented exit code.
package org.sembridge.engine.io;
