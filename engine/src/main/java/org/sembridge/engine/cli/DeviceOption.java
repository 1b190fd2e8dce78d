package org.sembridge.engine.cli;

import org.sembridge.engine.InputFormatException;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.encoder.DeviceUnavailableException;
import org.sembridge.engine.encoder.SelectedDevice;
import picocli.CommandLine.Option;

/// The shared `--device auto|cpu|gpu` option (a picocli mixin), resolved once per command.
final class DeviceOption {

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "Where tensors live: auto (GPU when a CUDA libtorch is usable, else CPU), cpu or gpu. "
                    + "Default: ${DEFAULT-VALUE}.")
    String device;

    SelectedDevice select() throws InputFormatException, DeviceUnavailableException {
        return choice().select();
    }

    /// The device asked for, resolved by the service that loads a model.
    ///
    /// @throws InputFormatException when the value is not auto, cpu or gpu
    DeviceChoice choice() throws InputFormatException {
        return DeviceChoice.parse(device);
    }
}
