package org.sembridge.engine.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;

/// Open a run: the job of `sembridge inspect` and `sembridge compare` and of the workbench's
/// inspector. Looks a target token up, shows how it was built, re-aligns it at another alpha
/// from the run's cached bridge vectors, and finds the same token in other runs.
///
/// Token lookup is the run's ([LoadedRun#idOf]): as stored (`##ing`, `▁집`), as a word (`집`
/// finds `▁집`), then case-insensitively. [#resolve] also takes `#id`, as typed on the command
/// line; [#idOf] takes a token as a list shows it, so a vocabulary token that looks like `#12`
/// is still that token. Cheap to make: [#of] wraps an opened run without reading anything.
public final class OpenedRun {

    private final LoadedRun run;

    private OpenedRun(LoadedRun run) {
        this.run = run;
    }

    /// Opens the run folder `folder`; re-alignment reads bridge vectors from `store`'s cache (the
    /// store the run was made with).
    ///
    /// @throws InputFormatException naming the folder or file when it is not a run folder or a
    ///     file in it is malformed
    /// @throws IOException when a file cannot be read
    public static OpenedRun open(Path folder, BridgeVectorStore store) throws IOException, InputFormatException {
        return new OpenedRun(LoadedRun.open(folder, store));
    }

    /// Opens the run folder `folder` with the default bridge-vector cache.
    ///
    /// @throws InputFormatException as [#open(Path, BridgeVectorStore)]
    /// @throws IOException when a file cannot be read
    public static OpenedRun open(Path folder) throws IOException, InputFormatException {
        return new OpenedRun(LoadedRun.open(folder));
    }

    /// The service on a run opened elsewhere (the workbench keeps its open runs).
    public static OpenedRun of(LoadedRun run) {
        return new OpenedRun(run);
    }

    /// The opened run: manifest, vocabularies, alignments.
    public LoadedRun run() {
        return run;
    }

    /// Whether the run recorded bridge vectors, so that its tokens can be re-aligned at another
    /// alpha (SemBridge, FOCUS and OFA runs; not the statistical baselines).
    public boolean canRealign() {
        return run.manifest().bridgePath().isPresent();
    }

    /// The id of a token typed by a user: `#N` is the id `N`, anything else a token or word.
    ///
    /// @throws InputFormatException when the id is outside the target vocabulary (naming its
    ///     range) or the token is not in it (naming the run and its size, and how to write a token)
    public int resolve(String token) throws InputFormatException {
        if (token.matches("#\\d+")) {
            int id = Integer.parseInt(token.substring(1));
            if (id >= run.targetSize()) {
                throw new InputFormatException("token id " + id + " is outside the target vocabulary of "
                        + run.directory() + " (0.." + (run.targetSize() - 1) + ")");
            }
            return id;
        }
        OptionalInt id = run.idOf(token);
        if (id.isEmpty()) {
            throw new InputFormatException(notInRun(token) + "; give it as stored, e.g. ##ing, or as #id");
        }
        return id.getAsInt();
    }

    /// The id of `token` as stored or as a word (no `#id` form).
    ///
    /// @throws InputFormatException when the token is not in the target vocabulary, naming the
    ///     run and its size
    public int idOf(String token) throws InputFormatException {
        OptionalInt id = run.idOf(token);
        if (id.isEmpty()) {
            throw new InputFormatException(notInRun(token));
        }
        return id.getAsInt();
    }

    /// How target token `id` was built: the run's own record at the run's alpha, or with
    /// `alpha` its weights re-solved from the cached bridge vectors.
    ///
    /// @throws InputFormatException when a record is malformed, or for a re-alignment when alpha
    ///     is outside `[1, 8]` or the run has no bridge vectors (any more)
    /// @throws IOException when a file cannot be read
    public InspectedToken inspect(int id, OptionalDouble alpha) throws IOException, InputFormatException {
        long startNanos = System.nanoTime();
        AlignmentRecord record = alpha.isPresent() ? run.realign(id, alpha.getAsDouble()) : run.token(id);
        return new InspectedToken(record, alpha.orElse(run.manifest().alpha()), alpha.isPresent(),
                System.nanoTime() - startNanos);
    }

    /// This run's record of `token` (looked up as stored or as a word), or empty when its target
    /// vocabulary lacks it.
    ///
    /// @throws InputFormatException when the record is malformed
    /// @throws IOException when a file cannot be read
    public Optional<AlignmentRecord> find(String token) throws IOException, InputFormatException {
        return run.token(token);
    }

    /// This run's record of the token `token` names in run `from` (as stored or as a word): the
    /// same piece when the two runs spell pieces alike, else the token with the same decoded text,
    /// the rule the bridge uses ([LoadedRun#counterpartOf]), so the inspector's comparison finds
    /// `▁house` for `Ġhouse`; empty when this run has no such token.
    ///
    /// @throws InputFormatException when a record or vocabulary file is malformed
    /// @throws IOException when a file cannot be read
    public Optional<AlignmentRecord> sameToken(OpenedRun from, String token) throws IOException, InputFormatException {
        OptionalInt fromId = from.run.idOf(token);
        OptionalInt id = fromId.isPresent() ? run.counterpartOf(from.run, fromId.getAsInt()) : run.idOf(token);
        return id.isPresent() ? Optional.of(run.token(id.getAsInt())) : Optional.empty();
    }

    /// The decoded text of target token `id` (what the bridge embeds; `Ġhouse` reads `house`).
    ///
    /// @throws InputFormatException when the target vocabulary file is malformed
    public String decodedText(int id) throws InputFormatException {
        return run.decodedText(id);
    }

    /// The same token in several runs, in the order of `runs`: looked up in the first run that
    /// has it, matched in the others by decoded text where their tokenizers spell it differently
    /// ([LoadedRun#compare]), or empty where a run lacks it.
    ///
    /// @throws InputFormatException when a record is malformed
    /// @throws IOException when a file cannot be read
    public static List<Optional<AlignmentRecord>> compare(List<OpenedRun> runs, String token)
            throws IOException, InputFormatException {
        return LoadedRun.compare(runs.stream().map(OpenedRun::run).toList(), token);
    }

    private String notInRun(String token) {
        return "token '" + token + "' is not in the target vocabulary of run " + run.directory() + " ("
                + run.targetSize() + " tokens)";
    }
}
