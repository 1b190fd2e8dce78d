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

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "sembridge, SemBridge, true, true",
        "focus, FOCUS, false, true",
        "ofa, OFA, false, true",
        "mean, Mean, false, false",
        "random, Random, false, false",
        "gauss, Gaussian, false, false",
        "mvgauss, Multivariate Gaussian, false, false"})
    void everyMethodDescribesItselfAndItsInitializerAgrees(String name, String label, boolean readsAlpha,
            boolean needsBridge) throws Exception {
        TransferMethod method = InitializerRegistry.method(name);

        assertEquals(label, method.label());
        assertEquals(readsAlpha, method.readsAlpha());
        assertEquals(needsBridge, method.needsBridgeVectors());
        assertTrue(method.description().startsWith(label.equals("OFA") ? "OFA / WECHSEL:" : label + ":"),
                method.description());
        assertEquals(method, InitializerRegistry.create(name, 4.0).method());
    }

    @Test
    void aLabelCarriesAlphaOnlyWhereTheMethodReadsIt() throws Exception {
        assertEquals("SemBridge (α=2.5)", InitializerRegistry.method("sembridge").label(Alpha.of(2.5)));
        assertEquals("OFA", InitializerRegistry.method("ofa").label(Alpha.of(2.5)));
    }

    @Test
    void anUnknownRecordedNameIsDescribedByItselfWithoutAlphaOrBridge() {
        TransferMethod described = InitializerRegistry.describe("Wechsel");

        assertEquals("wechsel", described.label());
        assertEquals(false, described.readsAlpha());
        assertEquals(false, described.needsBridgeVectors());
    }

    @Test
    void aRegisteredMethodIsListedUntilItsRegistrationIsClosed() {
        TransferMethod extra = new TransferMethod("extra", "Extra", "Extra: a test method", false, false,
                (alpha, seed) -> "extra", options -> new MeanInitializer());
        try (InitializerRegistry.Registration registration = InitializerRegistry.register(extra)) {
            assertEquals("extra", InitializerRegistry.names().getLast());
            assertThrows(IllegalArgumentException.class, () -> InitializerRegistry.register(extra));
        }
        assertEquals(false, InitializerRegistry.names().contains("extra"));
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
