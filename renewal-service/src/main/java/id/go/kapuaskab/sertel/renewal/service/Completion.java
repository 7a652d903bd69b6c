package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.EventType;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * ISSUING → COMPLETED, in the transaction that holds the request's lock: the result is stored, the COMPLETED
 * event written and the SOP step durations recorded. The CA already marked the predecessor SUPERSEDED when it
 * signed its successor, in its own transaction.
 */
@ApplicationScoped
public class Completion {

    private final Transitions transitions;
    private final RequestOutbox outbox;
    private final SopRecorder sop;

    Completion(Transitions transitions, RequestOutbox outbox, SopRecorder sop) {
        this.transitions = transitions;
        this.outbox = outbox;
        this.sop = sop;
    }

    /** A certificate was issued (serial) or revoked (the request's own certificate serial, with null times). */
    public void complete(CertificateRequest r, Actor actor, String issuedSerial, Instant notBefore, Instant notAfter) {
        r.issuedSerial = issuedSerial;                          // before the move: its audit record names the serial
        r.issuedNotBefore = notBefore;
        r.issuedNotAfter = notAfter;
        Instant now = transitions.move(r, RequestState.COMPLETED, actor, null);
        r.completedAt = now;
        outbox.event(r, EventType.REQUEST_COMPLETED);
        sop.recordCompletion(r);
    }
}
