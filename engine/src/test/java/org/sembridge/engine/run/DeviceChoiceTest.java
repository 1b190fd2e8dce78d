package org.sembridge.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.encoder.DeviceUnavailableException;
import org.sembridge.engine.encoder.SelectedDevice;

class DeviceChoiceTest {

    @ParameterizedTest
    @CsvSource({"auto, AUTO", "CPU, CPU", " gpu , GPU"})
    void namesParseCaseInsensitively(String text, DeviceChoice expected) throws Exception {
        assertEquals(expected, DeviceChoice.parse(text));
    }

    @Test
    void unknownNameIsRefusedWithTheAcceptedOnes() {
        InputFormatException e = assertThrows(InputFormatException.class, () -> DeviceChoice.parse("tpu"));

        assertTrue(e.getMessage().contains("\"tpu\"") && e.getMessage().contains("auto, cpu or gpu"), e.getMessage());
    }

    @Test
    void cpuIsAlwaysAvailable() throws Exception {
        SelectedDevice device = DeviceChoice.CPU.select();

        assertFalse(device.isGpu());
        assertEquals("cpu()", device.name());
    }

    @Test
    void autoExplainsItsChoice() throws Exception {
        SelectedDevice device = DeviceChoice.AUTO.select();

        assertEquals(Engine.getEngine("PyTorch").getGpuCount() > 0, device.isGpu());
        assertFalse(device.reason().isBlank());
    }

    @Test
    void gpuRequestIsRefusedWithTheReasonWhenNoGpuIsUsable() throws Exception {
        if (Engine.getEngine("PyTorch").getGpuCount() > 0) {
            assertTrue(DeviceChoice.GPU.select().isGpu());
            return;
        }
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> DeviceChoice.GPU.select());

        assertTrue(e.getMessage().contains("no GPU is usable") && (e.getMessage().contains("libcudart")
                || e.getMessage().contains("CUDA-enabled libtorch")), e.getMessage());
    }
}
