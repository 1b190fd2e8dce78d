package org.sembridge.engine.hostile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sembridge.engine.safetensors.SafetensorsFile;
import org.sembridge.engine.safetensors.TensorInfo;

/// `model.safetensors` of the sample encoder through [SafetensorsFile]: open, then read every
/// tensor.
///
/// Accepted input is correct when every tensor's shape product is its element count, its byte
/// range is `elementCount * dtype size` long, lies inside the data section and overlaps no other
/// tensor, and reading it returns exactly that many values.
final class SafetensorsTarget implements HostileReader {

    @Override
    public String name() {
        return "safetensors";
    }

    @Override
    public int weight() {
        return 12;
    }

    @Override
    public List<MutableFile> prepare(HostileCase c) throws IOException {
        Path file = c.folder().resolve("model.safetensors");
        ScratchRoot.copyInto(c.scratch().pristine("splade").resolve("model.safetensors"), file);
        return List.of(MutableFile.of(file, ContentKind.SAFETENSORS));
    }

    @Override
    public Observation exercise(HostileCase c) throws Exception {
        Path path = c.folder().resolve("model.safetensors");
        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            long dataBytes = dataSectionBytes(path);
            List<TensorInfo> tensors = new ArrayList<>(file.tensors());
            tensors.sort(Comparator.comparingLong(TensorInfo::dataBegin));
            long previousEnd = 0;
            for (TensorInfo t : tensors) {
                long product = 1;
                for (long d : t.shape()) {
                    InvariantViolation.check(d >= 0, t.name() + ": negative dimension");
                    product = Math.multiplyExact(product, d);
                }
                InvariantViolation.check(product == t.elementCount(), t.name() + ": shape product " + product
                        + " != element count " + t.elementCount());
                InvariantViolation.check(t.dataEnd() - t.dataBegin() == t.elementCount() * t.dtype().byteSize(),
                        t.name() + ": byte range " + t.dataBegin() + ".." + t.dataEnd() + " does not hold "
                                + t.elementCount() + " " + t.dtype());
                InvariantViolation.check(t.dataBegin() >= previousEnd, t.name() + " overlaps the tensor before it");
                InvariantViolation.check(t.dataEnd() <= dataBytes, t.name() + " ends beyond the data section");
                previousEnd = t.dataEnd();
                int read = t.dtype().isFloatingPoint() ? file.readFloats(t.name()).length
                        : file.readRawBytes(t.name()).length / t.dtype().byteSize();
                InvariantViolation.check(read == t.elementCount(), t.name() + ": read " + read + " of "
                        + t.elementCount() + " elements");
            }
            return new Observation.Accepted(tensors.size() + " tensors");
        }
    }

    private static long dataSectionBytes(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path)) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(length, 0);
            return Files.size(path) - 8 - length.getLong(0);
        }
    }
}
