package org.sembridge.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/// Snippets: short texts whole, long ones cut at word boundaries around the first query word.
class SnippetTest {

    private static final String LONG = "Alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi"
            + " omicron pi rho sigma tau upsilon phi chi psi omega. The garden behind the old house is full of"
            + " roses and the river runs past it towards the sea, where boats wait for the morning tide.";

    @Test
    void shortTextIsKeptWholeWithWhitespaceCollapsed() {
        assertEquals("a b c", Snippet.of("  a \n b\t c ", "x"));
    }

    @Test
    void longTextIsCutAroundTheFirstQueryWord() {
        String snippet = Snippet.of(LONG, "River garden");
        assertTrue(snippet.startsWith("...") && snippet.endsWith("..."), snippet);
        assertTrue(snippet.contains("garden"), snippet);
        assertTrue(snippet.length() <= Snippet.MAX_CHARS + 6, snippet);
    }

    @Test
    void longTextWithoutQueryWordsStartsAtTheBeginning() {
        String snippet = Snippet.of(LONG, "zzz");
        assertTrue(snippet.startsWith("Alpha beta") && snippet.endsWith("..."), snippet);
        assertTrue(!snippet.substring(0, snippet.length() - 3).endsWith(" "), snippet);
    }
}
