package org.sembridge.engine.encoder;

/// Where a model loader gets its device: a device already chosen ([SelectedDevice] gives itself)
/// or a request that is resolved when the loader needs it (`run.DeviceChoice`). Resolving a
/// request loads the PyTorch engine (0.5-2 s), so a loader that takes the request can start its
/// tokenizer's native build first and let the two overlap ([SparseEncoder#load]).
///
/// @param <E> the checked exception resolving may throw ([DeviceUnavailableException] for a
///     request; none for a chosen device)
@FunctionalInterface
public interface DeviceSelection<E extends Exception> {

    /// The device to load onto.
    ///
    /// @throws E when the device asked for is not usable
    SelectedDevice select() throws E;
}
