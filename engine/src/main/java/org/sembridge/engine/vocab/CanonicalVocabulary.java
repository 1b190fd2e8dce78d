package org.sembridge.engine.vocab;

import java.util.HashMap;
import java.util.Map;

/// A [Vocabulary] with the canonical form, fuzzy form and kind of every token computed once, and
/// hash indexes from each form to the ids that have it.
///
/// Lookups return ids in increasing order, so the first id is the lowest. Immutable and
/// thread-safe. Memory: two strings and two hash entries per token (about 60 MB for 250,000
/// tokens, measured).
public final class CanonicalVocabulary {

    private static final int[] NO_IDS = new int[0];

    private final Vocabulary vocabulary;
    private final String[] canonicalForms;
    private final String[] fuzzyForms;
    private final TokenKind[] kinds;
    private final int[] kindCounts = new int[TokenKind.values().length];
    private final Map<String, int[]> idsByCanonicalForm;
    private final Map<String, int[]> idsByFuzzyForm;

    CanonicalVocabulary(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        int size = vocabulary.size();
        canonicalForms = new String[size];
        fuzzyForms = new String[size];
        kinds = new TokenKind[size];
        for (int id = 0; id < size; id++) {
            CanonicalForm form = vocabulary.scheme().canonicalize(vocabulary.tokens().get(id));
            canonicalForms[id] = form.text();
            fuzzyForms[id] = VocabularyScheme.fuzzyForm(form.text());
            kinds[id] = kindOf(vocabulary.isSpecial(id), form, fuzzyForms[id]);
            kindCounts[kinds[id].ordinal()]++;
        }
        idsByCanonicalForm = index(canonicalForms);
        idsByFuzzyForm = index(fuzzyForms);
    }

    private static TokenKind kindOf(boolean special, CanonicalForm form, String fuzzyForm) {
        if (special) {
            return TokenKind.SPECIAL;
        } else if (form.byteFallback()) {
            return TokenKind.BYTE_FALLBACK;
        } else if (PythonText.isSymbolLike(fuzzyForm)) {
            return TokenKind.SYMBOL;
        } else if (form.text().startsWith(VocabularyScheme.WORD_START)) {
            return TokenKind.WORD_START;
        }
        return TokenKind.CONTINUATION;
    }

    /// Maps every distinct form to the ascending ids that have it, in two linear passes (count,
    /// then fill from the highest id down), so that heavy duplication stays linear.
    private static Map<String, int[]> index(String[] forms) {
        Map<String, int[]> remaining = new HashMap<>(capacityFor(forms.length));
        for (String form : forms) {
            remaining.computeIfAbsent(form, key -> new int[1])[0]++;
        }
        Map<String, int[]> ids = new HashMap<>(capacityFor(remaining.size()));
        for (int id = forms.length - 1; id >= 0; id--) {
            int[] left = remaining.get(forms[id]);
            int[] slots = ids.computeIfAbsent(forms[id], key -> new int[left[0]]);
            slots[--left[0]] = id;
        }
        return ids;
    }

    private static int capacityFor(int entries) {
        return (int) Math.min(Integer.MAX_VALUE, entries * 4L / 3 + 1);
    }

    /// The vocabulary these forms belong to.
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /// The number of tokens.
    public int size() {
        return canonicalForms.length;
    }

    /// The canonical form of token `id`, e.g. `▁the` or `s`.
    public String canonicalForm(int id) {
        return canonicalForms[id];
    }

    /// The fuzzy form of token `id`: its canonical form without `▁`, lower-cased.
    public String fuzzyForm(int id) {
        return fuzzyForms[id];
    }

    /// The kind of token `id`.
    public TokenKind kind(int id) {
        return kinds[id];
    }

    /// How many tokens are of `kind`.
    public int count(TokenKind kind) {
        return kindCounts[kind.ordinal()];
    }

    /// The ids whose canonical form is `canonicalForm`, ascending; empty if none.
    public int[] idsWithCanonicalForm(String canonicalForm) {
        return idsByCanonicalForm.getOrDefault(canonicalForm, NO_IDS).clone();
    }

    /// The ids whose fuzzy form is `fuzzyForm`, ascending; empty if none.
    public int[] idsWithFuzzyForm(String fuzzyForm) {
        return idsByFuzzyForm.getOrDefault(fuzzyForm, NO_IDS).clone();
    }

    /// The lowest id whose canonical form is `canonicalForm`, or -1 if none.
    public int lowestIdWithCanonicalForm(String canonicalForm) {
        return lowest(idsByCanonicalForm.get(canonicalForm));
    }

    /// The lowest id whose fuzzy form is `fuzzyForm`, or -1 if none.
    public int lowestIdWithFuzzyForm(String fuzzyForm) {
        return lowest(idsByFuzzyForm.get(fuzzyForm));
    }

    private static int lowest(int[] ids) {
        return ids == null ? -1 : ids[0];
    }
}
