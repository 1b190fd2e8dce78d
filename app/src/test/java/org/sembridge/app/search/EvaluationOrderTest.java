package org.sembridge.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/// The evaluation table's text orders, without the toolkit.
class EvaluationOrderTest {

    /// The query-id order written as a comparator, the reference the sort keys are checked
    /// against: numeric ids by value (`2` before `10`), numeric before other ids, others by text.
    private static final Comparator<String> QUERY_IDS = (a, b) -> {
        boolean numericA = !a.isEmpty() && a.chars().allMatch(c -> c >= '0' && c <= '9');
        boolean numericB = !b.isEmpty() && b.chars().allMatch(c -> c >= '0' && c <= '9');
        if (numericA && numericB) {
            String valueA = a.replaceFirst("^0+(?=.)", "");
            String valueB = b.replaceFirst("^0+(?=.)", "");
            int byLength = Integer.compare(valueA.length(), valueB.length());
            return byLength != 0 ? byLength : valueA.compareTo(valueB);
        }
        return numericA != numericB ? (numericA ? -1 : 1) : EvaluationPanel.TEXTS.compare(a, b);
    };

    @Test
    void numericQueryIdsSortByValueBeforeOtherIds() {
        List<String> ids = new ArrayList<>(List.of("q2", "10", "2", "007", "Q1", "1", "q10"));

        ids.sort(Comparator.comparing(EvaluationPanel::queryIdSortKey, EvaluationPanel.TEXTS));

        assertEquals(List.of("1", "2", "007", "10", "Q1", "q10", "q2"), ids);
    }

    @Test
    void theQueryIdSortKeysOrderLikeTheQueryIdOrderTiesIncluded() {
        long seed = 1_515_2026L;
        System.out.println("EvaluationOrderTest seed " + seed);
        Random random = new Random(seed);
        String alphabet = "0123456789qQaAzZ-_ ";
        List<String> ids = new ArrayList<>(List.of("", "0", "00", "q", "Q", "7", "007"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder id = new StringBuilder();
            boolean digitsOnly = random.nextBoolean();
            for (int k = 0, length = random.nextInt(random.nextInt(10) == 0 ? 120 : 6); k < length; k++) {
                id.append(digitsOnly ? (char) ('0' + random.nextInt(10)) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ids.add(id.toString());
        }
        Collections.shuffle(ids, random);
        List<String> byIds = new ArrayList<>(ids);
        byIds.sort(QUERY_IDS);
        List<String> byKeys = new ArrayList<>(ids);
        byKeys.sort(Comparator.comparing(EvaluationPanel::queryIdSortKey, EvaluationPanel.TEXTS));

        assertEquals(byIds, byKeys, "seed " + seed);
    }

    @Test
    void textsSortIgnoringCaseThenExactly() {
        List<String> texts = new ArrayList<>(List.of("beta", "Alpha", "alpha", "Beta"));

        texts.sort(EvaluationPanel.TEXTS);

        assertEquals(List.of("Alpha", "alpha", "Beta", "beta"), texts);
    }
}
