package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.EventType;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The applicant's cancellation: from any non-terminal state except ISSUING. ISSUING is not cancellable on
 * purpose: the CA may already have signed, so the request is finished, never abandoned half-way (409 naming it).
 */
@ApplicationScoped
public class ApplicantCommands {

    private final Access access;
    private final Transitions transitions;
    private final RequestOutbox outbox;

    ApplicantCommands(Access access, Transitions transitions, RequestOutbox outbox) {
        this.access = access;
        this.transitions = transitions;
        this.outbox = outbox;
    }

    public CertificateRequest cancel(Caller caller, UUID id, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CertificateRequest r = access.lock(id);
            access.isOwner(caller, r);
            String why = reason == null || reason.isBlank() ? null : reason.trim();
            transitions.move(r, RequestState.CANCELLED, Actor.of(caller), why);
            r.reason = why;
            r.claimedBy = null;
            r.claimedAt = null;
            outbox.event(r, EventType.REQUEST_CANCELLED);
            return r;
        });
    }
}
