package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.sembridge.engine.vocab.BilingualLexicon;
import org.sembridge.engine.vocab.WordPair;

/// The concept lexicon (`assets/lexicon/concepts.tsv`, Korean column) through
/// [BilingualLexicon#readConcepts], or an English-Korean MUSE file made from it through
/// [BilingualLexicon#readMuse].
///
/// Accepted input is correct when there is at least one pair and no word is blank or holds a
/// tab or line break.
final class LexiconTarget implements HostileReader {

    @Override
    public String name() {
        return "lexicon";
    }

    @Override
    public int weight() {
        return 6;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        String name = new Random(c.seed()).nextBoolean() ? "concepts.tsv" : "muse-en-ko.txt";
        Path file = c.folder().resolve(name);
        ScratchRoot.copyInto(c.scratch().pristine(name), file);
        return List.of(MutableFile.of(file, ContentKind.TEXT_LINES));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        Path concepts = c.folder().resolve("concepts.tsv");
        BilingualLexicon lexicon = Files.exists(concepts, LinkOption.NOFOLLOW_LINKS)
                ? BilingualLexicon.readConcepts(concepts, "ko")
                : BilingualLexicon.readMuse(c.folder().resolve("muse-en-ko.txt"));
        InvariantViolation.check(lexicon.size() > 0, "an empty lexicon was accepted");
        for (WordPair pair : lexicon.pairs()) {
            for (String word : List.of(pair.sourceWord(), pair.targetWord())) {
                InvariantViolation.check(!word.isBlank() && word.chars().noneMatch(ch -> ch == '\t' || ch == '\n'
                        || ch == '\r'), "word '" + word + "' in pair " + pair);
            }
        }
        return new Observation.Accepted(lexicon.size() + " pairs");
    }
}
