package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.outbox.OutboxItem;
import id.go.kapuaskab.sertel.outbox.Outcome;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.EventType;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.repository.RequestRepository;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the CA hand-overs (issue and revoke) share. The CA call happens outside any transaction; its result is stored
 * under the request's lock in the transaction that records the attempt. A crash between the CA's signature and that
 * commit leaves the item due again, and the retry gets the same certificate back (same request id): nothing is lost
 * and nothing is issued twice. A refusal the applicant can act on (the CA's {@code csr.*} codes, and a certificate to
 * renew that has a successor meanwhile) returns the request to the applicant with the code as reason; any other
 * refusal leaves it in ISSUING, DEAD, for an admin.
 */
@ApplicationScoped
public class CaWork {

    /** The CA's answer, carried from {@code handle} to {@code settle}. */
    public record Done(String serial, Instant notBefore, Instant notAfter) {
    }

    private final RequestRepository requests;
    private final Completion completion;
    private final Transitions transitions;
    private final RequestOutbox outbox;

    CaWork(RequestRepository requests, Completion completion, Transitions transitions, RequestOutbox outbox) {
        this.requests = requests;
        this.completion = completion;
        this.transitions = transitions;
        this.outbox = outbox;
    }

    /** Calls the CA for a request still ISSUING; a request that moved on meanwhile needs nothing. */
    Outcome attempt(OutboxItem item, Function<CertificateRequest, Outcome> call) {
        Optional<CertificateRequest> seen = QuarkusTransaction.requiringNew()
                .call(() -> requests.findByIdOptional(UUID.fromString(item.reference())));
        if (seen.isEmpty() || seen.get().state != RequestState.ISSUING) {
            return Outcome.done().withDetail("nothing to do: the request is no longer ISSUING");
        }
        try {
            return call.apply(seen.get());
        } catch (PeerRejected e) {
            return Outcome.dead(e.code(), "the CA refused: " + e.status() + " " + e.code());
        }
    }

    /** Under the request's lock, in the attempt's transaction. */
    void settle(OutboxItem item, Outcome outcome) {
        CertificateRequest r = requests.findById(UUID.fromString(item.reference()), LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.state != RequestState.ISSUING) {
            return;
        }
        if (outcome.isDone() && outcome.value() instanceof Done done) {
            completion.complete(r, Actor.SYSTEM, done.serial(), done.notBefore(), done.notAfter());
        } else if (outcome.isDead() && outcome.code() != null && Peers.isApplicants(outcome.code())) {
            transitions.move(r, RequestState.RETURNED, Actor.SYSTEM, outcome.code());
            r.reason = outcome.code();
            r.claimedBy = null;
            r.claimedAt = null;
            outbox.event(r, EventType.REQUEST_RETURNED);
        }
    }
}
