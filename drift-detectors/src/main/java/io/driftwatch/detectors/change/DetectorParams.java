package io.driftwatch.detectors.change;

/** Typed, validated parameters of one change detector. Each record has a {@code defaults()} with MOA's defaults. */
public sealed interface DetectorParams
        permits AdwinParams, DdmParams, EddmParams, HddmAParams, HddmWParams, PageHinkleyParams, CusumParams {

    DetectorId id();

    /** Default parameters of the given detector. */
    static DetectorParams defaults(DetectorId id) {
        return switch (id) {
            case ADWIN -> AdwinParams.defaults();
            case DDM -> DdmParams.defaults();
            case EDDM -> EddmParams.defaults();
            case HDDM_A -> HddmAParams.defaults();
            case HDDM_W -> HddmWParams.defaults();
            case PAGE_HINKLEY -> PageHinkleyParams.defaults();
            case CUSUM -> CusumParams.defaults();
        };
    }
}
