package org.sembridge.engine.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sembridge.engine.ModelFormatException;
import org.sembridge.engine.provenance.ContentHash;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.run.ModelFolderCheck;
import org.sembridge.engine.run.SampleModels;

class ModelInspectionTest {

    @TempDir
    Path temp;

    private ModelInspection inspection() {
        return ModelInspection.withCache(temp.resolve("cache"));
    }

    @Test
    void describesTheSampleEncoderAsItsConfigDeclaresIt() throws Exception {
        ModelDescription d = inspection().describeModel(SampleModels.splade());

        assertEquals("bert", d.family());
        assertEquals(List.of("BertForMaskedLM"), d.architectures());
        assertEquals(2, d.layers());
        assertEquals(128, d.hiddenSize());
        assertEquals(4, d.heads());
        assertEquals(512, d.intermediateSize());
        assertEquals(3457, d.vocabSize());
        assertEquals("float32", d.declaredDtype());
        assertTrue(d.hasMlmHead());
        assertEquals(Optional.empty(), d.pooling(), "a plain MLM folder declares no pooling");
        assertEquals(SampleModels.splade().resolve("tokenizer.json"), d.tokenizerFile());
    }

    @Test
    void describesTheSampleEncodersDecoderAsTiedAndNotStored() throws Exception {
        // sample-models/README.md: no cls.predictions.decoder.weight, the decoder is tied.
        ModelDescription d = inspection().describeModel(SampleModels.splade());

        assertEquals("tied_not_stored", d.decoder());
        assertTrue(d.tiedDecoder());
        assertTrue(d.decoderDescription().startsWith("tied (decoder weight not stored"), d.decoderDescription());
    }

    @Test
    void describesTheBridgesDeclaredPooling() throws Exception {
        ModelDescription d = inspection().describeModel(SampleModels.bridge());

        assertEquals(List.of("BertModel"), d.architectures());
        assertEquals(21371, d.vocabSize());
        assertFalse(d.hasMlmHead());
        assertEquals("no_head", d.decoder());
        assertTrue(d.pooling().isPresent(), "modules.json declares a pooling");
        assertTrue(d.pooling().get().normalize(), "modules.json lists a Normalize module");
    }

    @Test
    void describesATargetTokenizerAndSplitsTheSample() throws Exception {
        TokenizerDescription d = inspection().describeTokenizer(SampleModels.tokenizer("ko"), "house");

        // tokenizer.json: a WordPiece model of 5,653 tokens, five of them added specials.
        assertEquals(5653, d.vocabSize());
        assertEquals("wordpiece", d.scheme());
        assertEquals(5, d.specialTokens());
        assertFalse(d.sampleTokens().isEmpty());
    }

    @Test
    void aFolderWithoutAModelIsRefusedNamingIt() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty-model"));

        ModelFormatException error = assertThrows(ModelFormatException.class, () -> inspection().describeModel(empty));

        assertTrue(error.getMessage().contains(empty.toString()), error.getMessage());
    }

    @Test
    void theHashOfAFileIsTheSha256OfItsBytes() throws Exception {
        Path file = SampleModels.tokenizer("ko").resolve("tokenizer.json");
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));

        assertEquals(expected, inspection().tokenizerHash(file));
        assertEquals(expected, inspection().modelHash(file));
    }

    @Test
    void folderHashesAreTheOnesARunRecordsAndAreMemoisedInTheCache() throws Exception {
        ModelInspection inspection = inspection();

        assertEquals(ContentHash.withoutMemo().ofModelFolder(SampleModels.splade()),
                inspection.modelHash(SampleModels.splade()));
        assertEquals(ContentHash.withoutMemo().ofTokenizerFolder(SampleModels.tokenizer("ko")),
                inspection.tokenizerHash(SampleModels.tokenizer("ko")));
        assertTrue(Files.isDirectory(temp.resolve("cache").resolve("file-hashes")), "memo written under the cache");
    }

    @Test
    void theSampleEncoderPassesTheConsistencyCheck() throws Exception {
        ModelFolderCheck.Report report = inspection().check(SampleModels.splade());

        assertEquals(3457, report.vocabSize());
        assertEquals(3457, report.tokenizerSize());
    }

    @Test
    void theCpuRequestResolvesToTheCpuWithAReason() throws Exception {
        DeviceDescription device = ModelInspection.describeDevice(DeviceChoice.CPU);

        assertEquals("cpu()", device.name());
        assertFalse(device.reason().isBlank());
    }
}
