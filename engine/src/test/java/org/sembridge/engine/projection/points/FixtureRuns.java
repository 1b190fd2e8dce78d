package org.sembridge.engine.projection.points;

import java.nio.file.Path;
import org.sembridge.engine.bridge.BridgeVectorStore;
import org.sembridge.engine.run.DeviceChoice;
import org.sembridge.engine.progress.CancellationToken;
import org.sembridge.engine.progress.ProgressListener;
import org.sembridge.engine.run.LoadedRun;
import org.sembridge.engine.run.TransferFixtures;
import org.sembridge.engine.run.TransferRequest;

/// Two small runs on random models ([TransferFixtures]): SemBridge at alpha 4 and the mean
/// baseline, sharing one bridge-vector cache under `dir`.
record FixtureRuns(Path dir, Path sembridge, Path mean) {

    static FixtureRuns create(Path dir) throws Exception {
        Path source = TransferFixtures.source(dir, "source", "bert");
        Path bridge = TransferFixtures.bridge(dir);
        Path target = TransferFixtures.targetTokenizer(dir);
        return new FixtureRuns(dir, run(dir, source, bridge, target, "sembridge"), run(dir, source, bridge, target,
                "mean"));
    }

    private static Path run(Path dir, Path source, Path bridge, Path target, String method) throws Exception {
        Path out = dir.resolve(method);
        TransferFixtures.runner(dir).run(TransferRequest.builder(source, target, method, out).optBridge(bridge)
                .optAlpha(4.0).optDevice(DeviceChoice.CPU).build(), ProgressListener.NONE, CancellationToken.create());
        return out;
    }

    BridgeVectorStore store() {
        return TransferFixtures.store(dir);
    }

    LoadedRun open(Path run) throws Exception {
        return LoadedRun.open(run, store());
    }
}
