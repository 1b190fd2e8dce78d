package org.sembridge.engine.transfer.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.engine.InputFormatException;

class InitializerRegistryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sembridge, SemBridgeInitializer, true",
        "focus, FocusInitializer, true",
        "ofa, OfaInitializer, true",
        "mean, MeanInitializer, false",
        "random, RandomInitializer, false",
        "gauss, GaussianInitializer, false",
        "mvgauss, MultivariateGaussianInitializer, false"})
    void everyNameCreatesItsMethod(String name, String className, boolean needsBridge) throws Exception {
        EmbeddingInitializer initializer = InitializerRegistry.create(name, 4.0);

        assertEquals(className, initializer.getClass().getSimpleName());
        assertEquals(name, initializer.name());
        assertEquals(needsBridge, initializer.needsBridge());
        assertTrue(InitializerRegistry.names().contains(name));
    }

    @Test
    void namesAreCaseInsensitiveAndTrimmed() throws Exception {
        assertInstanceOf(MultivariateGaussianInitializer.class, InitializerRegistry.create("  MVGauss ", 4.0));
    }

    @Test
    void sembridgeTakesTheGivenAlpha() throws Exception {
        SemBridgeInitializer initializer = (SemBridgeInitializer) InitializerRegistry.create("sembridge", 3.0);

        assertEquals(3.0, initializer.options().alpha());
    }

    @Test
    void unknownNameListsTheValidOnes() {
        InputFormatException error = assertThrows(InputFormatException.class,
                () -> InitializerRegistry.create("wechsel", 4.0));

        assertEquals("unknown initialization method \"wechsel\"; expected one of sembridge, focus, ofa, mean, random, "
                + "gauss, mvgauss", error.getMessage());
    }

    @ParameterizedTest(name = "alpha {0}")
    @ValueSource(doubles = {0.5, 8.5, Double.NaN})
    void alphaOutsideItsRangeIsAnInputError(double alpha) {
        InputFormatException error = assertThrows(InputFormatException.class,
                () -> InitializerRegistry.create("sembridge", alpha));

        assertTrue(error.getMessage().contains("is outside the valid range [1, 8]"), error.getMessage());
    }
}
