package id.go.kapuaskab.sertel.notification.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events regional systems may subscribe to, by their wire names (docs/ARCHITECTURE.md, "Integration events").
 * Each names who may emit it: certificate-service its certificates' status changes, applicant-service a changed
 * applicant record; this service itself derives request states from renewal-service's workflow events and the
 * expiry warnings from its reminder planner.
 */
public enum EventType {
    CERTIFICATE_ISSUED("certificate.issued", Emitter.CERTIFICATE_SERVICE),
    CERTIFICATE_REVOKED("certificate.revoked", Emitter.CERTIFICATE_SERVICE),
    CERTIFICATE_SUSPENDED("certificate.suspended", Emitter.CERTIFICATE_SERVICE),
    CERTIFICATE_RESUMED("certificate.resumed", Emitter.CERTIFICATE_SERVICE),
    CERTIFICATE_EXPIRING("certificate.expiring", Emitter.THIS_SERVICE),
    REQUEST_STATE_CHANGED("request.state-changed", Emitter.THIS_SERVICE),
    APPLICANT_DATA_CHANGED("applicant.data-changed", Emitter.APPLICANT_SERVICE);

    /** Who produces events of a type. */
    public enum Emitter {
        CERTIFICATE_SERVICE, APPLICANT_SERVICE, THIS_SERVICE
    }

    private final String wire;
    private final Emitter emitter;

    EventType(String wire, Emitter emitter) {
        this.wire = wire;
        this.emitter = emitter;
    }

    public String wire() {
        return wire;
    }

    public Emitter emitter() {
        return emitter;
    }

    public static Optional<EventType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}
