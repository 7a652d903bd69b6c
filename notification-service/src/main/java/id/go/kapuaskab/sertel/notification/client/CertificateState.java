package id.go.kapuaskab.sertel.notification.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What this service reads of one certificate: whether a reminder for it still makes sense. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateState(String serial, String status, UUID holderId, Instant notAfter, String successorSerial) {

    private static final Set<String> STILL_REMINDED = Set.of("ACTIVE", "EXPIRED");

    /** Renewed (superseded or with a successor), revoked or suspended: no reminder. */
    public boolean isSettled() {
        return !STILL_REMINDED.contains(status) || successorSerial != null;
    }

    /** Why a reminder is skipped: the status, or RENEWED when a successor exists. */
    public String settledReason() {
        return successorSerial != null && STILL_REMINDED.contains(status) ? "RENEWED" : status;
    }
}
