package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.ApplicantSnapshot;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import id.go.kapuaskab.sertel.renewal.domain.RevocationReason;
import id.go.kapuaskab.sertel.renewal.repository.RequestRepository;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * A revocation request for a civil servant the staffing system reports as retired or deceased, opened through
 * applicant-service (staff sync) on behalf of the regional system: SUBMITTED at once, for the verifiers of the
 * holder's institution, who check and decide it like any revocation (the CA is asked only after their approval). Idempotent
 * by the request id applicant-service derives from the staffing system's event: a repeat answers the same request.
 * One open revocation per applicant, as always: when one is open already, that one is answered.
 */
@ApplicationScoped
public class StaffRevocations {

    /** What became of the ask. */
    public enum Outcome {
        /** A new request, SUBMITTED (or this very request, asked again). */
        OPENED,
        /** The applicant already has an open revocation request: that one. */
        ALREADY_OPEN,
        /** No ACTIVE or SUSPENDED certificate: nothing to revoke, no request. */
        NOTHING_TO_REVOKE
    }

    public record Result(Outcome outcome, UUID requestId, String certificateSerial) {
    }

    private final RequestRepository requests;
    private final Eligibility eligibility;
    private final Transitions transitions;
    private final RequestOutbox outbox;
    private final Clock clock;

    StaffRevocations(RequestRepository requests, Eligibility eligibility, Transitions transitions, RequestOutbox outbox, Clock clock) {
        this.requests = requests;
        this.eligibility = eligibility;
        this.transitions = transitions;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Result open(UUID requestId, UUID applicantId, RevocationReason reason, String clientId, String note) {
        try {
            return attempt(requestId, applicantId, reason, clientId, note);
        } catch (PersistenceException e) {
            return attempt(requestId, applicantId, reason, clientId, note);   // a concurrent twin won: answer its request
        }
    }

    private Result attempt(UUID requestId, UUID applicantId, RevocationReason reason, String clientId, String note) {
        Optional<CertificateRequest> same = QuarkusTransaction.requiringNew().call(() -> requests.findByIdOptional(requestId));
        if (same.isPresent()) {
            return new Result(Outcome.OPENED, same.get().id, same.get().certificateSerial);
        }
        ApplicantSnapshot applicant = eligibility.applicantAndVerifiers(applicantId);
        Optional<String> serial = eligibility.revocable(applicantId);
        if (serial.isEmpty()) {
            return new Result(Outcome.NOTHING_TO_REVOKE, null, null);
        }
        Actor actor = new Actor(clientId, Caller.INTEGRATION);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<CertificateRequest> open = requests.findOpen(applicantId, RequestType.REVOCATION);
            if (open.isPresent()) {
                return new Result(Outcome.ALREADY_OPEN, open.get().id, open.get().certificateSerial);
            }
            CertificateRequest r = new CertificateRequest();
            r.id = requestId;
            r.type = RequestType.REVOCATION;
            r.state = RequestState.DRAFT;
            r.applicantId = applicantId;
            r.institutionId = applicant.institutionId();
            r.createdAt = clock.instant();
            r.updatedAt = r.createdAt;
            r.keyGeneration = false;
            r.certificateSerial = serial.get();
            r.revocationReason = reason;
            requests.persist(r);
            transitions.created(r, actor);
            var now = transitions.move(r, RequestState.SUBMITTED, actor, note);
            r.snapshot = Submissions.freeze(applicant, now);
            r.submittedAt = now;
            r.firstSubmittedAt = now;
            requests.flush();
            outbox.submitted(r, applicant.verifiers());
            return new Result(Outcome.OPENED, r.id, r.certificateSerial);
        });
    }
}
