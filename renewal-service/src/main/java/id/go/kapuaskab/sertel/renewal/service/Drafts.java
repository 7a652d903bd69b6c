package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.ApplicantSnapshot;
import id.go.kapuaskab.sertel.renewal.config.WorkflowConfig;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.KeyCustody;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import id.go.kapuaskab.sertel.renewal.repository.RequestRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * SOP step 5: an applicant creates a request (DRAFT), and edits it while it is a DRAFT or RETURNED (say, a new
 * CSR). The type's certificate guard is checked already here, so nobody fills in a request that cannot go anywhere;
 * submission checks everything again.
 */
@ApplicationScoped
public class Drafts {

    private final RequestRepository requests;
    private final Access access;
    private final Eligibility eligibility;
    private final Transitions transitions;
    private final Reminders reminders;
    private final WorkflowConfig config;
    private final Clock clock;

    Drafts(RequestRepository requests, Access access, Eligibility eligibility, Transitions transitions, Reminders reminders,
           WorkflowConfig config, Clock clock) {
        this.requests = requests;
        this.access = access;
        this.eligibility = eligibility;
        this.transitions = transitions;
        this.reminders = reminders;
        this.config = config;
        this.clock = clock;
    }

    /** Creates a DRAFT; {@code loginAt} is when the applicant's session began (SOP step 2), from the token. */
    public CertificateRequest create(Caller caller, RequestType type, RequestDraft draft, Instant loginAt) {
        if (!caller.isApplicant()) {
            throw DomainException.forbidden("forbidden");
        }
        draft.validateFor(type);
        UUID applicantId = caller.accountId();
        ApplicantSnapshot applicant = eligibility.applicant(applicantId);
        eligibility.requireActive(applicant);
        String serial = eligibility.certificateFor(type, applicantId, draft.certificateSerial());
        Instant createdAt = clock.instant();
        Reminders.Answer reminder = reminders.sentBefore(type, serial, createdAt);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (requests.hasOpen(applicantId, type)) {
                throw DomainException.conflict("request.already-open", type.name());
            }
            CertificateRequest r = new CertificateRequest();
            r.id = UUID.randomUUID();
            r.type = type;
            r.state = RequestState.DRAFT;
            r.applicantId = applicantId;
            r.institutionId = applicant.institutionId();
            r.createdAt = createdAt;
            r.updatedAt = r.createdAt;
            r.loginAt = loginAt;
            r.reminderSentAt = reminder.sentAt();
            r.reminderKnown = reminder.known();
            apply(r, draft, serial);
            try {
                requests.persistAndFlush(r);
            } catch (PersistenceException e) {
                throw DomainException.conflict("request.already-open", type.name());
            }
            transitions.created(r, Actor.of(caller));
            return r;
        });
    }

    /** Replaces what the applicant filled in; only while the request is a DRAFT or RETURNED. */
    public CertificateRequest edit(Caller caller, UUID id, RequestDraft draft) {
        CertificateRequest seen = access.load(id);
        access.isOwner(caller, seen);
        draft.validateFor(seen.type);
        String serial = seen.type == RequestType.ISSUANCE ? null
                : eligibility.certificateFor(seen.type, seen.applicantId, draft.certificateSerial());
        return QuarkusTransaction.requiringNew().call(() -> {
            CertificateRequest r = access.lock(id);
            if (r.state != RequestState.DRAFT && r.state != RequestState.RETURNED) {
                throw DomainException.conflict("request.not-editable", r.state.name()).with("currentState", r.state.name());
            }
            if (!Objects.equals(serial, r.certificateSerial)) {  // another certificate: its reminder is asked at submission
                r.reminderSentAt = null;
                r.reminderKnown = false;
            }
            apply(r, draft, serial);
            r.updatedAt = clock.instant();
            return r;
        });
    }

    private void apply(CertificateRequest r, RequestDraft draft, String serial) {
        r.csr = draft.csr() == null || draft.csr().isBlank() ? null : draft.csr().trim();
        r.keyGeneration = draft.keyGeneration();
        r.keyType = draft.keyGeneration() ? (draft.keyType() == null ? config.defaultKeyType() : draft.keyType()) : null;
        r.keyCustody = draft.keyGeneration() ? (draft.custody() == null ? KeyCustody.DELIVERED : draft.custody()) : null;
        r.certificateSerial = serial;
        r.revocationReason = draft.reason();
    }
}
