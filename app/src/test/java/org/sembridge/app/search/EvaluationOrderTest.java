package org.sembridge.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The evaluation table's text orders, without the toolkit.
class EvaluationOrderTest {

    @Test
    void numericQueryIdsSortByValueBeforeOtherIds() {
        List<String> ids = new ArrayList<>(List.of("q2", "10", "2", "007", "Q1", "1", "q10"));

        ids.sort(EvaluationPanel.QUERY_IDS);

        assertEquals(List.of("1", "2", "007", "10", "Q1", "q10", "q2"), ids);
    }

    @Test
    void textsSortIgnoringCaseThenExactly() {
        List<String> texts = new ArrayList<>(List.of("beta", "Alpha", "alpha", "Beta"));

        texts.sort(EvaluationPanel.TEXTS);

        assertEquals(List.of("Alpha", "alpha", "Beta", "beta"), texts);
    }
}
