package io.driftwatch.app.drift;

import io.driftwatch.detectors.profile.Binning;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --bins}: deciles, equal-width[:N], sturges, doane, or N (N equal-mass bins). */
public final class BinningOption implements ITypeConverter<Binning> {

    /** Bins of {@code equal-width} when no count is given. */
    public static final int DEFAULT_EQUAL_WIDTH_BINS = 10;

    @Override
    public Binning convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            return switch (v) {
                case "deciles" -> Binning.deciles();
                case "equal-width" -> new Binning.EqualWidth(DEFAULT_EQUAL_WIDTH_BINS);
                case "sturges" -> new Binning.Sturges();
                case "doane" -> new Binning.Doane();
                default -> v.startsWith("equal-width:")
                        ? new Binning.EqualWidth(Integer.parseInt(v.substring("equal-width:".length())))
                        : new Binning.Quantiles(Integer.parseInt(v));
            };
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("'" + value
                    + "' is not a binning: use deciles, equal-width[:N], sturges, doane, or a bin count N >= 1");
        }
    }
}
