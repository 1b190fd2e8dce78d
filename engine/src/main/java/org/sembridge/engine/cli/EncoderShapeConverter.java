package org.sembridge.engine.cli;

import org.sembridge.engine.bench.EncoderShape;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/// Reads an [EncoderShape] option value `LAYERS,HIDDEN,HEADS,INTERMEDIATE,VOCAB`, e.g.
/// `24,1024,16,4096,250002` (bge-m3); picocli turns the exception into a usage error (exit 2).
final class EncoderShapeConverter implements ITypeConverter<EncoderShape> {

    /// The parameter label of shape options.
    static final String LABEL = "LAYERS,HIDDEN,HEADS,INTERMEDIATE,VOCAB";

    /// Smallest vocabulary accepted: the random model's five specials plus whole words to build
    /// texts from.
    static final int MIN_VOCAB = 100;

    @Override
    public EncoderShape convert(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 5) {
            throw new TypeConversionException("needs five numbers " + LABEL + ", found \"" + value + "\"");
        }
        int[] sizes = new int[5];
        for (int k = 0; k < 5; k++) {
            try {
                sizes[k] = Integer.parseInt(parts[k].strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("\"" + parts[k].strip() + "\" is not a whole number (expected "
                        + LABEL + ")");
            }
        }
        if (sizes[4] < MIN_VOCAB) {
            throw new TypeConversionException("vocab must be >= " + MIN_VOCAB + ", found " + sizes[4]);
        }
        try {
            return new EncoderShape(sizes[0], sizes[1], sizes[2], sizes[3], sizes[4]);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage() + " in \"" + value + "\"");
        }
    }
}
