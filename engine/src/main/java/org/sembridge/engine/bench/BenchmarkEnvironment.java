package org.sembridge.engine.bench;

import java.lang.management.ManagementFactory;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import org.sembridge.engine.encoder.SelectedDevice;

/// Where a benchmark ran: the facts that decide how its figures compare with others.
///
/// @param device the device name, `cpu()` or `gpu(0)`
/// @param deviceReason why that device was chosen
/// @param torchVersion the loaded libtorch version
/// @param torchThreads libtorch's intra-op threads (`torch.get_num_threads()`)
/// @param torchInteropThreads libtorch's inter-op threads
/// @param jvmProcessors processors the JVM sees (`Runtime.availableProcessors()`)
/// @param loadAverage the one-minute system load average, negative when the OS does not report
///     one; on a shared machine a load above the processor count means the figures are low
public record BenchmarkEnvironment(String device, String deviceReason, String torchVersion, int torchThreads,
        int torchInteropThreads, int jvmProcessors, double loadAverage) {

    /// Captures the environment now; loads the PyTorch engine if needed.
    public static BenchmarkEnvironment capture(SelectedDevice device) {
        Engine engine = Engine.getEngine("PyTorch");
        return new BenchmarkEnvironment(device.name(), device.reason(), engine.getVersion(), JniUtils.getNumThreads(),
                JniUtils.getNumInteropThreads(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
