package io.driftwatch.app.cluster;

import org.apache.flink.configuration.MemorySize;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses Flink memory sizes such as {@code 1536m} or {@code 1g}. */
final class MemorySizeConverter implements ITypeConverter<MemorySize> {

    @Override
    public MemorySize convert(String value) {
        try {
            return MemorySize.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("not a memory size (like 768m or 1g): " + value);
        }
    }
}
