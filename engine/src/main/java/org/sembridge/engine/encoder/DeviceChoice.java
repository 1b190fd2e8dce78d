package org.sembridge.engine.encoder;

import java.util.Locale;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;

import org.sembridge.engine.InputFormatException;

/// The user's device request, `auto`, `cpu` or `gpu`, resolved against what the loaded libtorch
/// can do.
///
/// DJL runs on a GPU only when the libtorch it loaded is a CUDA build and the CUDA runtime
/// (`libcudart`) is found; the `pytorch-native-cpu` jar on the default classpath is a CPU
/// build, so `auto` means CPU there. There is one code path: the device is a parameter of every
/// encoder, and all tensors of a model live on it.
public enum DeviceChoice {
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
    public SelectedDevice select() throws DeviceUnavailableException {
        if (this == CPU) {
            return SelectedDevice.cpu();
        }
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        if (gpus > 0) {
            return new SelectedDevice(Device.gpu(0), gpus + " CUDA GPU(s) visible to libtorch "
                    + Engine.getEngine("PyTorch").getVersion());
        }
        String why = gpuUnavailableReason();
        if (this == GPU) {
            throw new DeviceUnavailableException("device gpu was requested, but no GPU is usable: " + why);
        }
        return new SelectedDevice(Device.cpu(), "no GPU: " + why);
    }

    private static String gpuUnavailableReason() {
        if (!CudaUtils.hasCuda()) {
            return "the CUDA runtime (libcudart) was not found; install the NVIDIA driver and CUDA runtime and put "
                    + "them on LD_LIBRARY_PATH";
        }
        return "no CUDA-enabled libtorch on the classpath (the loaded libtorch "
                + Engine.getEngine("PyTorch").getVersion() + " is a CPU build; see docs for the cu128 route)";
    }
}
