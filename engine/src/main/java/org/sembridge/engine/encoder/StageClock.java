package org.sembridge.engine.encoder;

/// Where a forward pass reports the end of each [ForwardStage]; [#NONE] when nobody profiles.
///
/// libtorch runs CPU operations synchronously, so the time between two laps is the time of the
/// operations in between. On a GPU, operations are queued asynchronously and laps would measure
/// the queueing, so profiles are meaningful on the CPU only.
interface StageClock {

    /// The clock that records nothing (the normal, unprofiled pass).
    StageClock NONE = stage -> {
    };

    /// Marks the end of `stage`: the time since the previous lap belongs to it.
    void lap(ForwardStage stage);
}
