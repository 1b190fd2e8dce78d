package org.sembridge.engine.encoder;

import ai.djl.Device;

/// The device the encoders run on, with the reason it was chosen (for logs, `info` and the
/// status bar). Obtained from [DeviceChoice#select()]; the DJL device itself stays inside the
/// engine.
public final class SelectedDevice {

    private final Device device;
    private final String reason;

    SelectedDevice(Device device, String reason) {
        this.device = device;
        this.reason = reason;
    }

    /// The CPU, chosen explicitly by the caller (tests, `--device cpu`).
    public static SelectedDevice cpu() {
        return new SelectedDevice(Device.cpu(), "requested");
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
