package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.bridge.BridgeVectors;
import org.sembridge.engine.transfer.FloatMatrix;
import org.sembridge.engine.vocab.Vocabulary;

/// Bridge vectors the similarity step cannot use are refused as bad input, naming the token.
class BridgeVectorCheckTest {

    private static final Vocabulary VOCABULARY = Vocabulary.of(List.of("[CLS]", "house", "home"), Set.of(0));

    private static BridgeVectors vectors(float[][] rows) {
        return new BridgeVectors(List.of("[CLS]", "house", "home"), FloatMatrix.ofRows(rows), "test vectors");
    }

    @Test
    void finiteNonZeroVectorsPass() {
        assertDoesNotThrow(() -> BridgeVectorCheck.requireUsable(vectors(new float[][] {{1, 0}, {0, 1}, {1, 1}}),
                "source", VOCABULARY));
    }

    @Test
    void nanVectorIsRefusedNamingTokenAndColumn() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> BridgeVectorCheck.requireUsable(
                vectors(new float[][] {{1, 0}, {0, Float.NaN}, {1, 1}}), "target", VOCABULARY));
        assertTrue(e.getMessage().contains("target bridge vector of token 1 'house'"), e.getMessage());
        assertTrue(e.getMessage().contains("NaN in column 1"), e.getMessage());
        assertTrue(e.getMessage().contains("test vectors"), e.getMessage());
    }

    @Test
    void zeroVectorIsRefused() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> BridgeVectorCheck.requireUsable(
                vectors(new float[][] {{1, 0}, {0, 1}, {0, 0}}), "source", VOCABULARY));
        assertTrue(e.getMessage().contains("token 2 'home'") && e.getMessage().contains("all zeros"), e.getMessage());
    }

    @Test
    void dimensionMismatchBetweenVocabulariesIsRefused() {
        BridgeVectors source = vectors(new float[][] {{1, 0}, {0, 1}, {1, 1}});
        BridgeVectors target = new BridgeVectors(List.of("집"), FloatMatrix.ofRows(new float[][] {{1, 0, 0}}),
                "other bridge");
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> BridgeVectors.requireSameDimension(source, target));
        assertTrue(e.getMessage().contains("source 2") && e.getMessage().contains("target 3"), e.getMessage());
    }

    @Test
    void rowCountOtherThanTheVocabularyIsRefused() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> BridgeVectorCheck.requireUsable(
                vectors(new float[][] {{1, 0}, {0, 1}, {1, 1}}), "source",
                Vocabulary.of(List.of("a", "b"), Set.of())));
        assertTrue(e.getMessage().contains("expected one per token (2), found 3"), e.getMessage());
    }
}
