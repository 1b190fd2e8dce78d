package org.sembridge.engine.encoder;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;

/// The device the encoders run on, with the reason it was chosen (for logs, `info` and the
/// status bar). Obtained from `run.DeviceChoice.select()`; the DJL device itself stays inside the
/// engine.
public final class SelectedDevice implements DeviceSelection<RuntimeException> {

    private final Device device;
    private final String reason;

    SelectedDevice(Device device, String reason) {
        this.device = device;
        this.reason = reason;
    }

    /// This device: it is already chosen.
    @Override
    public SelectedDevice select() {
        return this;
    }

    /// The CPU, chosen explicitly by the caller (tests, `--device cpu`).
    public static SelectedDevice cpu() {
        return new SelectedDevice(Device.cpu(), "requested");
    }

    /// The first GPU when one is usable, else the CPU with the reason; loads the PyTorch engine
    /// (about 2 s the first time).
    public static SelectedDevice firstGpuElseCpu() {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        if (gpus > 0) {
            return new SelectedDevice(Device.gpu(0), gpus + " CUDA GPU(s) visible to libtorch "
                    + Engine.getEngine("PyTorch").getVersion());
        }
        return new SelectedDevice(Device.cpu(), "no GPU: " + gpuUnavailableReason());
    }

    /// The first GPU.
    ///
    /// @throws DeviceUnavailableException when no GPU is usable, with the reason
    public static SelectedDevice firstGpu() throws DeviceUnavailableException {
        SelectedDevice chosen = firstGpuElseCpu();
        if (!chosen.isGpu()) {
            throw new DeviceUnavailableException("device gpu was requested, but no GPU is usable: "
                    + gpuUnavailableReason());
        }
        return chosen;
    }

    private static String gpuUnavailableReason() {
        if (!CudaUtils.hasCuda()) {
            return "the CUDA runtime (libcudart) was not found; install the NVIDIA driver and CUDA runtime and put "
                    + "them on LD_LIBRARY_PATH";
        }
        return "no CUDA-enabled libtorch on the classpath (the loaded libtorch "
                + Engine.getEngine("PyTorch").getVersion() + " is a CPU build; see docs for the cu128 route)";
    }

    /// Whether this is a CUDA GPU.
    public boolean isGpu() {
        return device.isGpu();
    }

    /// The device name, `cpu()` or `gpu(0)`.
    public String name() {
        return device.toString();
    }

    /// Why this device was chosen, e.g. "no CUDA-enabled libtorch on the classpath".
    public String reason() {
        return reason;
    }

    /// The DJL device, for engine code that runs tensor work on it (the transfer GEMMs); never
    /// handed to the app, which does not import `ai.djl`.
    public Device device() {
        return device;
    }

    @Override
    public String toString() {
        return name() + " (" + reason + ")";
    }
}
