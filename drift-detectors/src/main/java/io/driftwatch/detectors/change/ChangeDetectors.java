package io.driftwatch.detectors.change;

/** Creates change detectors from parameters or ids and restores them from {@link ChangeDetector#toBytes()}. */
public final class ChangeDetectors {

    private ChangeDetectors() {
    }

    /** A fresh detector with the given parameters. */
    public static ChangeDetector create(DetectorParams params) {
        if (params == null) {
            throw new IllegalArgumentException("detector params are null");
        }
        // Java 17: no pattern matching for switch yet, so dispatch on the id.
        return switch (params.id()) {
            case ADWIN -> new AdwinDetector((AdwinParams) params);
            case DDM -> new DdmDetector((DdmParams) params);
            case EDDM -> new EddmDetector((EddmParams) params);
            case HDDM_A -> new HddmADetector((HddmAParams) params);
            case HDDM_W -> new HddmWDetector((HddmWParams) params);
            case PAGE_HINKLEY -> new PageHinkleyDetector((PageHinkleyParams) params);
            case CUSUM -> new CusumDetector((CusumParams) params);
        };
    }

    /** A fresh detector with MOA's default parameters. */
    public static ChangeDetector create(DetectorId id) {
        if (id == null) {
            throw new IllegalArgumentException("detector id is null");
        }
        return create(DetectorParams.defaults(id));
    }

    /**
     * Restores a detector, parameters and state, from {@link ChangeDetector#toBytes()}.
     *
     * @throws IllegalArgumentException on an unknown format version, unknown detector, truncated or
     *     corrupt bytes
     */
    public static ChangeDetector fromBytes(byte[] bytes) {
        return StateCodec.decode(bytes);
    }
}
