package io.driftwatch.detectors.change;

import java.util.Arrays;
import java.util.Locale;

/** The streaming change detectors, with their stable wire id (CLI, configs) and state-format code. */
public enum DetectorId {
    ADWIN("adwin", 1),
    DDM("ddm", 2),
    EDDM("eddm", 3),
    HDDM_A("hddm_a", 4),
    HDDM_W("hddm_w", 5),
    PAGE_HINKLEY("page_hinkley", 6),
    CUSUM("cusum", 7);

    private final String wireId;
    private final byte code;

    DetectorId(String wireId, int code) {
        this.wireId = wireId;
        this.code = (byte) code;
    }

    /** Lower-case id as used in configuration and on the command line, e.g. {@code hddm_a}. */
    public String wireId() {
        return wireId;
    }

    /** Byte identifying the detector in serialized state; never reused. */
    byte code() {
        return code;
    }

    /** Parses a wire id, case-insensitively; throws IllegalArgumentException listing the valid ids. */
    public static DetectorId fromWireId(String id) {
        if (id == null) {
            throw new IllegalArgumentException("detector id is null");
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (DetectorId d : values()) {
            if (d.wireId.equals(wanted)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown change detector '" + id + "', expected one of "
                + Arrays.stream(values()).map(DetectorId::wireId).toList());
    }

    static DetectorId fromCode(byte code) {
        for (DetectorId d : values()) {
            if (d.code == code) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown change detector code " + code + " in serialized state");
    }
}
