package id.go.kapuaskab.sertel.certificate.domain;

import java.util.Arrays;
import java.util.Optional;

/** RFC 5280 §5.3.1 reason codes we accept, by their RFC names; {@code removeFromCRL} is the act of resuming, not a reason. */
public enum RevocationReason {
    unspecified(0), keyCompromise(1), affiliationChanged(3), superseded(4), cessationOfOperation(5),
    certificateHold(6), privilegeWithdrawn(9);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<RevocationReason> byName(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
