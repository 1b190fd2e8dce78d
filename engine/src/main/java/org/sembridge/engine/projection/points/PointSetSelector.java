package org.sembridge.engine.projection.points;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.projection.PointSetSpec;
import org.sembridge.engine.run.AlignmentRecord;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.NearestSource;
import org.sembridge.engine.run.SourceWeight;
import org.sembridge.engine.run.TargetTokenKind;
import org.sembridge.engine.vocab.BilingualLexicon;
import org.sembridge.engine.vocab.CanonicalVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Turns a [PointSetSpec] into the [PointSet] of one run: which target tokens, which source
/// tokens, which links.
///
/// Target selection per spec is described at [PointSetSpec]. Sources are added for `lexicon` and
/// `token:X` always and for the other specs when asked (`withSources`): each selected target
/// brings the source tokens listed in its `alignments.jsonl` record (the entmax support of a
/// SemBridge, FOCUS or OFA token, the copied token of an overlap copy; nothing for statistical
/// baselines), each linked with its weight. A source chosen by several targets is one point with
/// several links. `token:X` also brings its 10 most similar source tokens as unlinked context.
///
/// Lookups name what failed: an unknown token (all unknown ones of a list in one message, each
/// with up to three close tokens of the vocabulary), a lexicon without a single word in the
/// vocabulary, a pattern or `top:N` that selects nothing.
public final class PointSetSelector {

    /// Close tokens suggested per unknown token.
    static final int SUGGESTIONS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(PointSetSelector.class);
    private static final String WORD_START = "▁";

    private final LoadedRun run;

    /// A selector for the points of `run`.
    public PointSetSelector(LoadedRun run) {
        this.run = run;
    }

    /// Selects the points of `spec`.
    ///
    /// @param withSources add the chosen sources of every target (a joint map) even for specs
    ///     that do not bring them ([PointSetSpec#bringsSources()])
    /// @param lexicon the bilingual lexicon for `lexicon`; ignored by the other specs
    /// @throws InputFormatException when a named token is unknown, `lexicon` has no lexicon or
    ///     none of its words is a target token, or the spec selects no target token
    /// @throws IOException when `alignments.jsonl` cannot be read
    public PointSet select(PointSetSpec spec, boolean withSources, Optional<BilingualLexicon> lexicon)
            throws IOException, InputFormatException {
        int[] targets = switch (spec) {
            case PointSetSpec.Lexicon l -> lexiconTargets(lexicon.orElseThrow(() -> new InputFormatException(
                    "points 'lexicon' need a bilingual lexicon (a concepts TSV or a MUSE file)")));
            case PointSetSpec.Top top -> topTargets(top);
            case PointSetSpec.Tokens tokens -> namedTargets(spec, tokens.tokens());
            case PointSetSpec.TokenPattern pattern -> patternTargets(pattern);
            case PointSetSpec.SingleToken single -> namedTargets(spec, List.of(single.token()));
        };
        if (targets.length == 0) {
            throw new InputFormatException("points '" + spec.text() + "' select no target token of run "
                    + run.directory() + " (" + run.targetSize() + " tokens)");
        }
        PointSet points = withSources || spec.bringsSources()
                ? withSources(spec, targets, spec instanceof PointSetSpec.SingleToken)
                : new PointSet(spec, targets, new int[0], List.of());
        LOG.info("Points '{}' of run {}: {} target tokens, {} source tokens, {} links", spec.text(), run.directory(),
                points.targetCount(), points.sourceCount(), points.links().size());
        return points;
    }

    /// The lexicon's target words that are word-start target tokens, in lexicon order.
    private int[] lexiconTargets(BilingualLexicon lexicon) throws InputFormatException {
        CanonicalVocabulary target = run.targetCanonical();
        Set<Integer> ids = new LinkedHashSet<>();
        for (String word : lexicon.targetWords()) {
            int id = target.lowestIdWithCanonicalForm(WORD_START + word);
            if (id >= 0) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw new InputFormatException("points 'lexicon': none of the lexicon's " + lexicon.targetWords().size()
                    + " target words is a single token of run " + run.directory() + " (first words: "
                    + lexicon.targetWords().stream().limit(5).collect(Collectors.joining(", "))
                    + "); is the lexicon in the run's language (--lang)?");
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] topTargets(PointSetSpec.Top top) {
        return Arrays.stream(run.idsOfKind(TargetTokenKind.NEW)).limit(top.count()).toArray();
    }

    private int[] patternTargets(PointSetSpec.TokenPattern pattern) {
        List<String> tokens = run.targetTokens();
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < tokens.size(); id++) {
            if (run.kind(id) != TargetTokenKind.SPECIAL && pattern.regex().matcher(tokens.get(id)).find()) {
                ids.add(id);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /// The ids of `names` (as stored, as words, or `#id`), duplicates once; all unknown names in
    /// one exception.
    private int[] namedTargets(PointSetSpec spec, List<String> names) throws InputFormatException {
        Set<Integer> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            OptionalInt id = idOf(name);
            if (id.isPresent()) {
                ids.add(id.getAsInt());
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            List<String> tokens = run.targetTokens();
            String described = unknown.stream().map(name -> {
                List<String> close = TokenSuggestions.nearest(name, tokens, SUGGESTIONS);
                return "'" + name + "'" + (close.isEmpty() ? " (no close token)"
                        : " (did you mean " + close.stream().map(t -> "'" + t + "'")
                                .collect(Collectors.joining(", ")) + "?)");
            }).collect(Collectors.joining(", "));
            throw new InputFormatException(String.format(Locale.ROOT, "points '%s': %d of %d tokens %s not in the "
                    + "target vocabulary of run %s (%d tokens): %s; give tokens as stored (##ing), as words, or as #id",
                    spec.text(), unknown.size(), names.size(), unknown.size() == 1 ? "is" : "are", run.directory(),
                    run.targetSize(), described));
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /// `#N` as an id (when in range), else the run's token lookup.
    private OptionalInt idOf(String name) throws InputFormatException {
        if (name.matches("#\\d{1,9}")) {
            int id = Integer.parseInt(name.substring(1));
            return id < run.targetSize() ? OptionalInt.of(id) : OptionalInt.empty();
        }
        return run.idOf(name);
    }

    /// The targets with the sources their records list (and, for `token:X`, its nearest).
    private PointSet withSources(PointSetSpec spec, int[] targets, boolean nearestAsContext)
            throws IOException, InputFormatException {
        Map<Integer, Integer> sourcePositions = new LinkedHashMap<>();
        List<SourceLink> links = new ArrayList<>();
        List<AlignmentRecord> records = new ArrayList<>(targets.length);
        for (int t = 0; t < targets.length; t++) {
            AlignmentRecord record = run.token(targets[t]);
            records.add(record);
            for (SourceWeight source : record.sources()) {
                int position = sourcePositions.computeIfAbsent(source.id(), id -> sourcePositions.size());
                links.add(new SourceLink(t, position, source.weight()));
            }
        }
        if (nearestAsContext) {
            for (AlignmentRecord record : records) {
                for (NearestSource near : record.nearest()) {
                    sourcePositions.computeIfAbsent(near.id(), id -> sourcePositions.size());
                }
            }
        }
        int[] sources = sourcePositions.keySet().stream().mapToInt(Integer::intValue).toArray();
        return new PointSet(spec, targets, sources, links);
    }
}
