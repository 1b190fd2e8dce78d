package org.sembridge.engine.run;

import java.util.Locale;


import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.encoder.DeviceSelection;
import org.sembridge.engine.encoder.DeviceUnavailableException;
import org.sembridge.engine.encoder.SelectedDevice;

/// The user's device request, `auto`, `cpu` or `gpu`, resolved against what the loaded libtorch
/// can do.
///
/// A value of every run, index and experiment request; [SelectedDevice] does the resolving
/// (DJL runs on a GPU only when the libtorch it loaded is a CUDA build and `libcudart` is found,
/// so `auto` means CPU on the default classpath). There is one code path: the device is a
/// parameter of every encoder, and all tensors of a model live on it.
public enum DeviceChoice implements DeviceSelection<DeviceUnavailableException> {
    /// The first GPU when one is usable, else the CPU.
    AUTO,
    /// The CPU.
    CPU,
    /// The first GPU; refused with the reason when none is usable.
    GPU;

    /// Parses `auto`, `cpu` or `gpu` (any case).
    ///
    /// @throws InputFormatException naming the value and the accepted ones
    public static DeviceChoice parse(String value) throws InputFormatException {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputFormatException("device \"" + value + "\" is not supported; use auto, cpu or gpu");
        }
    }

    /// Resolves the request; loads the PyTorch engine (about 2 s the first time).
    ///
    /// @throws DeviceUnavailableException for [#GPU] when no GPU is usable, with the reason
    @Override
    public SelectedDevice select() throws DeviceUnavailableException {
        return switch (this) {
            case CPU -> SelectedDevice.cpu();
            case AUTO -> SelectedDevice.firstGpuElseCpu();
            case GPU -> SelectedDevice.firstGpu();
        };
    }
}
