/// Maps of a SemBridge run: which tokens a map shows and which vectors it projects.
///
/// ## Data flow
///
/// ```
/// --points SPEC -> PointSetSpec.parse (parent package) lexicon | top:N | tokens:a,b | pattern:RE | token:X
/// LoadedRun (alignments.jsonl, vocabularies)
///     -> PointSetSelector.select(spec, withSources, lexicon) -> PointSet
///          target ids, source ids (chosen, then context), links target -> source with weights
/// --space   -> MapSpace (parent package)               adapted | source | bridge
///     -> RunMapInputs.assemble(points, space, languages)    vectors from RunEmbeddings
///          adapted: E_t rows (run/model) + E_s rows (source model)
///          source:  E_s rows of the source tokens only
///          bridge:  cached bridge vectors of both vocabularies (never re-embedded)
///     -> MapInput -> EmbeddingMapper.project (the parent package) -> ProjectedMap
/// ```
///
/// ## Joint maps
///
/// A joint map holds target tokens and the source tokens they were built from in one
/// projection of one space, with a [org.sembridge.engine.projection.MapLink] per alignment
/// weight. In the adapted space this is the honest picture of the reconstruction: `E_t[x]` is
/// the convex combination `sum_i p_x,i E_s[i]` of its linked rows, so it lies inside their
/// hull in the original space; the map's linked-neighbour share tells how much of that
/// closeness the 2-D layout keeps. Overlap copies have `E_t[x] = E_s[src(x)]` exactly: two
/// points with one vector, separated by the projections' seeded jitter. In the bridge space the
/// links show the similarities the alignment was computed from.
///
/// `lexicon` and `token:X` always bring their sources; `top:N`, `tokens:` and `pattern:` bring
/// them on request. Runs of statistical baselines (mean, random, Gaussian) choose no sources, so
/// their maps have target points only.
///
/// ## Choices
///
/// - `top:N` ranks by id among new (non-overlap, non-special) tokens: a run records no token
///   frequencies. Byte-level BPE ids follow the merge order (roughly frequency); WordPiece and
///   SentencePiece ids follow the vocabulary file.
/// - `pattern:` uses Java regular expressions with `find` on the token as stored (`##`, `▁` and
///   `Ġ` included) and skips special tokens.
/// - Words of the lexicon count when they are word-start tokens (`▁` + word canonically), as in
///   [org.sembridge.engine.run.LexiconEvaluator].
/// - Token lookup (`tokens:`, `token:`) is the run's: as stored, as a word, case-insensitively,
///   or `#id`. Unknown tokens are reported together, each with up to three close tokens
///   ([TokenSuggestions]).
///
/// ## Cost
///
/// Selecting reads one `alignments.jsonl` record per target (sources wanted) or none. Reading
/// vectors loads each needed embedding matrix once (`|V| x d` floats) and copies the selected
/// rows; bridge rows are read from the cache file by their bridge texts, which are recomputed
/// from the tokenizers (one `decode` per vocabulary token).
package org.sembridge.engine.projection.points;
