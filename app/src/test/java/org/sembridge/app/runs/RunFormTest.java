package org.sembridge.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sembridge.app.session.SessionFieldException;
import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.run.BiasMode;
import org.sembridge.engine.run.TransferRequest;
import org.sembridge.engine.run.UnknownBridgeRule;
import org.sembridge.engine.transfer.baseline.InitializerRegistry;

/// The run form's values without the toolkit: alpha kept in sync as number and text, refused
/// values, default names, session round trip.
class RunFormTest {

    private final Set<String> taken = new HashSet<>();
    private final RunForm form = new RunForm(taken::contains);

    @Test
    void offersEveryMethodTheEngineRegisters() {
        assertEquals(InitializerRegistry.names(), MethodChoice.all().stream().map(MethodChoice::name).toList());
        assertTrue(MethodChoice.all().stream().noneMatch(m -> m.description().startsWith("initialization method")));
    }

    @Test
    void onlyTheStatisticalMethodsRunWithoutABridge() {
        assertEquals(java.util.List.of("mean", "random", "gauss", "mvgauss"),
                MethodChoice.all().stream().filter(m -> !m.needsBridge()).map(MethodChoice::name).toList());
    }

    @Test
    void typedAlphaMovesTheNumber() {
        form.alphaTextProperty().set("2.5");
        assertEquals(2.5, form.alphaProperty().get());
        assertEquals("", form.alphaErrorProperty().get());
    }

    @Test
    void slidAlphaRewritesTheText() {
        form.alphaProperty().set(6.300000000000001);
        assertEquals("6.3", form.alphaTextProperty().get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9", "0.5", "-1", "8.01"})
    void alphaOutsideOneToEightIsRefusedWithTheEnginesMessage(String text) {
        form.alphaTextProperty().set(text);
        assertEquals(4.0, form.alphaProperty().get());
        assertTrue(form.alphaErrorProperty().get().contains("found"), form.alphaErrorProperty().get());
    }

    @Test
    void alphaThatIsNotANumberIsRefused() {
        form.alphaTextProperty().set("four");
        assertEquals(4.0, form.alphaProperty().get());
        assertTrue(form.alphaErrorProperty().get().contains("\"four\" is not a number"));
    }

    @Test
    void alphaIsEnabledOnlyForSemBridge() {
        assertTrue(form.alphaEnabledBinding().get());
        form.methodProperty().set(MethodChoice.of("ofa"));
        assertFalse(form.alphaEnabledBinding().get());
    }

    @ParameterizedTest
    @CsvSource({
            "sembridge, 4, sembridge-a4-ko",
            "sembridge, 2.5, sembridge-a2.5-ko",
            "ofa, 4, ofa-ko",
            "mvgauss, 3, mvgauss-ko",
    })
    void defaultNameFollowsMethodAlphaAndLanguage(String method, double alpha, String expected) {
        form.languageProperty().set("ko");
        form.methodProperty().set(MethodChoice.of(method));
        form.alphaProperty().set(alpha);
        assertEquals(expected, form.runNameProperty().get());
    }

    @Test
    void defaultNameSkipsTakenNames() {
        taken.add("ofa-ko");
        taken.add("ofa-ko-2");
        form.languageProperty().set("ko");
        form.methodProperty().set(MethodChoice.of("ofa"));
        assertEquals("ofa-ko-3", form.runNameProperty().get());
    }

    @Test
    void aTypedNameStaysWhenTheMethodChanges() {
        form.runNameProperty().set("my-run");
        form.methodProperty().set(MethodChoice.of("focus"));
        assertEquals("my-run", form.runNameProperty().get());
    }

    @ParameterizedTest
    @CsvSource({
            "'', Give the run a name",
            "a/b, may use letters",
            ".hidden, must not start with '.'",
            "taken-run, already exists",
    })
    void badNamesAreExplained(String name, String expected) {
        taken.add("taken-run");
        form.runNameProperty().set(name);
        assertTrue(form.nameErrorProperty().get().contains(expected), form.nameErrorProperty().get());
    }

    @ParameterizedTest
    @CsvSource({
            "sample-models/tokenizers/ko, ko",
            "models/ko-bert/tokenizer.json, ko-bert",
            "models/my tokenizer, my-tokenizer",
    })
    void languageIsTheTokenizersFolderName(String path, String expected) {
        assertEquals(expected, RunForm.languageOf(Path.of(path)));
    }

    @Test
    void requestCarriesEveryValue() throws InputFormatException {
        form.alphaTextProperty().set("3.5");
        form.biasModeProperty().set(BiasMode.MAPPED);
        form.fuzzyProperty().set(true);
        form.seedProperty().set(7L);
        TransferRequest request = form.request(Path.of("s"), Path.of("t"), Path.of("b"), DeviceChoice.CPU, Path.of("o"));
        assertEquals("sembridge", request.method());
        assertEquals(3.5, request.alpha());
        assertEquals(BiasMode.MAPPED, request.biasMode());
        assertTrue(request.overlap().exact() && request.overlap().fuzzy() && !request.overlap().symbols());
        assertEquals(7L, request.seed());
        assertEquals(DeviceChoice.CPU, request.device());
    }

    @Test
    void specialsAreMappedByRoleByDefaultAndUnknownBridgeRowsGetEntmax() throws InputFormatException {
        TransferRequest request = form.request(Path.of("s"), Path.of("t"), Path.of("b"), DeviceChoice.CPU, Path.of("o"));

        assertTrue(request.overlap().specialsByRole());
        assertEquals(UnknownBridgeRule.ENTMAX, request.unknownBridge());
    }

    @Test
    void turningMapSpecialsOffAndChoosingTheMeanRuleReachTheRequestAndTheSession() throws InputFormatException {
        form.mapSpecialsProperty().set(false);
        form.unknownBridgeProperty().set(UnknownBridgeRule.MEAN);
        RunForm restored = new RunForm(name -> false);
        restored.restore(form.save());

        TransferRequest request = restored.request(Path.of("s"), Path.of("t"), Path.of("b"), DeviceChoice.CPU,
                Path.of("o"));
        assertFalse(request.overlap().specialsByRole());
        assertEquals(UnknownBridgeRule.MEAN, request.unknownBridge());
    }

    @Test
    void requestIsRefusedWhileTheAlphaTextIsBad() {
        form.alphaTextProperty().set("9");
        InputFormatException error = assertThrows(InputFormatException.class,
                () -> form.request(Path.of("s"), Path.of("t"), Path.of("b"), DeviceChoice.CPU, Path.of("o")));
        assertTrue(error.getMessage().contains("9"));
    }

    @Test
    void savedValuesComeBack() {
        form.methodProperty().set(MethodChoice.of("focus"));
        form.alphaTextProperty().set("2.25");
        form.biasModeProperty().set(BiasMode.ZERO);
        form.symbolsProperty().set(true);
        form.seedProperty().set(99L);
        form.runNameProperty().set("kept-name");
        RunForm restored = new RunForm(name -> false);
        restored.restore(form.save());
        assertEquals("focus", restored.methodProperty().get().name());
        assertEquals(2.25, restored.alphaProperty().get());
        assertEquals(BiasMode.ZERO, restored.biasModeProperty().get());
        assertTrue(restored.symbolsProperty().get());
        assertEquals(99L, restored.seedProperty().get());
        assertEquals("kept-name", restored.runNameProperty().get());
    }

    @Test
    void aSeedBeyondDoublePrecisionComesBackExactly() {
        form.seedProperty().set(9_007_199_254_740_993L);
        RunForm restored = new RunForm(name -> false);
        restored.restore(form.save());
        assertEquals(9_007_199_254_740_993L, restored.seedProperty().get());
    }

    @Test
    void restoringBadFieldsNamesEachAndRestoresTheOthers() {
        JsonObject saved = JsonParser.parseString("""
                {"method": "focus", "alpha": "four", "bias_mode": "sideways", "fuzzy": true,
                 "symbols": "yes", "seed": 1.5, "run_name": "kept-name"}
                """).getAsJsonObject();
        SessionFieldException error = assertThrows(SessionFieldException.class, () -> form.restore(saved));
        assertEquals("alpha: expected a number, found the string \"four\"; "
                + "bias_mode: bias mode \"sideways\" is not supported; use index, mapped or zero; "
                + "symbols: expected true or false, found the string \"yes\"; "
                + "seed: expected a whole number, found the number 1.5", error.getMessage());
        assertEquals("focus", form.methodProperty().get().name());
        assertTrue(form.fuzzyProperty().get());
        assertEquals("kept-name", form.runNameProperty().get());
        assertEquals(TransferRequest.DEFAULT_ALPHA, form.alphaProperty().get());
        assertEquals(BiasMode.INDEX, form.biasModeProperty().get());
        assertEquals(TransferRequest.DEFAULT_SEED, form.seedProperty().get());
    }

    @Test
    void restoringAnUnknownMethodKeepsTheCurrentOneAndSaysWhichAreKnown() {
        SessionFieldException error = assertThrows(SessionFieldException.class,
                () -> form.restore(JsonParser.parseString("{\"method\": \"magic\"}")));
        assertEquals("method: expected one of " + String.join(", ", InitializerRegistry.names())
                + ", found \"magic\"", error.getMessage());
        assertEquals(MethodChoice.SEMBRIDGE, form.methodProperty().get().name());
    }

    @Test
    void theLanguageIsInferredUnlessTheUserNamesOne() throws InputFormatException {
        assertEquals("", form.request(Path.of("s"), Path.of("t"), Path.of("b"), DeviceChoice.CPU, Path.of("o"))
                .language());

        form.recordedLanguageProperty().set("ko");

        assertEquals("ko", form.request(Path.of("s"), Path.of("t"), Path.of("b"), DeviceChoice.CPU, Path.of("o"))
                .language());
    }

    @Test
    void aNamedLanguageSurvivesTheSession() {
        form.recordedLanguageProperty().set("hi");
        RunForm restored = new RunForm(name -> false);

        restored.restore(form.save());

        assertEquals("hi", restored.recordedLanguageProperty().get());
    }
}
