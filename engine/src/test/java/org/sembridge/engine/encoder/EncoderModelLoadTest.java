package org.sembridge.engine.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sembridge.engine.OperationCancelledException;
import org.sembridge.engine.hf.HfModelFolder;
import org.sembridge.engine.hf.RandomModelFolder;
import org.sembridge.engine.progress.CancellationToken;

class EncoderModelLoadTest {

    @TempDir
    static Path models;

    private static HfModelFolder bert;

    @BeforeAll
    static void createModel() throws Exception {
        bert = HfModelFolder.open(RandomModelFolder.create(models, "bert", "bert"));
    }

    @Test
    void loadProgressEndsAtEveryStoredElement() throws Exception {
        List<long[]> reports = new ArrayList<>();
        try (EncoderModel ignored = EncoderModel.loadMaskedLm(bert, SelectedDevice.cpu(),
                (stage, done, total) -> reports.add(new long[] {done, total}), CancellationToken.create())) {
            long stored = bert.describe().parameterCount();

            assertEquals(stored, reports.getLast()[0]);
            assertEquals(stored, reports.getLast()[1]);
        }
    }

    @Test
    void cancelledLoadThrows() {
        CancellationToken cancel = CancellationToken.create();

        assertThrows(OperationCancelledException.class, () -> EncoderModel.loadMaskedLm(bert, SelectedDevice.cpu(),
                (stage, done, total) -> cancel.cancel(), cancel).close());
    }
}
