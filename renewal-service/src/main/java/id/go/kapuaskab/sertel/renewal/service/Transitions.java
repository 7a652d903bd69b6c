package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.audit.AuditEntry;
import id.go.kapuaskab.sertel.audit.AuditTrail;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.RequestTransition;
import id.go.kapuaskab.sertel.renewal.repository.TransitionRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * The one place a request changes state: checks the edge, stamps the time from the clock, logs who and why, in the
 * request's own transition log (the SOP timeline's source) and in the tamper-evident audit trail.
 */
@ApplicationScoped
public class Transitions {

    private final TransitionRepository log;
    private final AuditTrail audit;
    private final Clock clock;

    Transitions(TransitionRepository log, AuditTrail audit, Clock clock) {
        this.log = log;
        this.audit = audit;
        this.clock = clock;
    }

    /** Fails with 409 {@code request.invalid-transition} naming the current state unless the edge exists. */
    public static void require(CertificateRequest r, RequestState target) {
        if (!r.state.canMoveTo(target)) {
            throw invalid(r);
        }
    }

    public static DomainException invalid(CertificateRequest r) {
        return DomainException.conflict("request.invalid-transition", r.state.name())
                .with("currentState", r.state.name());
    }

    /** Moves the request (which the caller holds locked) and returns the time of the move. */
    public Instant move(CertificateRequest r, RequestState target, Actor actor, String reason) {
        require(r, target);
        Instant now = clock.instant();
        record(r, r.state, target, actor, reason, now);
        r.state = target;
        r.updatedAt = now;
        return now;
    }

    /** The first entry of a new request. */
    public void created(CertificateRequest r, Actor actor) {
        record(r, null, r.state, actor, null, r.createdAt);
    }

    private void record(CertificateRequest r, RequestState from, RequestState to, Actor actor, String reason, Instant at) {
        RequestTransition t = new RequestTransition();
        t.requestId = r.id;
        t.fromState = from;
        t.toState = to;
        t.actor = actor.id();
        t.actorRole = actor.role();
        t.at = at;
        t.reason = reason;
        log.persist(t);
        audit.append(AuditEntry.of("TRANSITION", to.name()).actor(actor.id(), actor.role()).subject(r.id)
                .detail("type", r.type).detail("from", from).detail("to", to).detail("institutionId", r.institutionId)
                .detail("certificateSerial", r.certificateSerial).detail("issuedSerial", r.issuedSerial).text("reason", reason));
    }
}
