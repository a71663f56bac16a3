package io.driftwatch.schemas.events;

import java.util.Objects;

/** Ground truth: a number (0/1 for binary models, any finite number for regression) or a class name. */
public sealed interface LabelValue permits LabelValue.Numeric, LabelValue.ClassName {

    /** A finite number; {@link #isBinary()} when it is exactly 0 or 1. */
    record Numeric(double value) implements LabelValue {
        public Numeric {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("label must be finite, got " + value);
            }
        }

        public boolean isBinary() {
            return value == 0.0 || value == 1.0;
        }
    }

    /** A class name (multi-class models). */
    record ClassName(String name) implements LabelValue {
        public ClassName {
            Objects.requireNonNull(name, "name");
        }
    }
}
