package org.sembridge.engine.workflow;

/// Where the engine's tensor work would run for a device request
/// ([ModelInspection#describeDevice]).
///
/// @param name the device, e.g. `cpu()` or `gpu(0)`
/// @param reason why it was chosen, e.g. `no GPU: the loaded libtorch is a CPU build`
public record DeviceDescription(String name, String reason) {
}
