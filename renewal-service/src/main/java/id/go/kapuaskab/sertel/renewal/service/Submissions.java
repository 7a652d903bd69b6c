package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.ApplicantSnapshot;
import id.go.kapuaskab.sertel.renewal.client.CertificateClient;
import id.go.kapuaskab.sertel.support.client.PeerRejected;
import id.go.kapuaskab.sertel.renewal.config.WorkflowConfig;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import id.go.kapuaskab.sertel.renewal.domain.SubjectSnapshot;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * SOP step 6: the applicant submits (from DRAFT, or again after a RETURN). Every guard is checked against the
 * owners' current data: the applicant is active; for a renewal the current data version is confirmed (step 3) and
 * no data change is open (step 4); the certificate guard of the type; a CSR the CA would accept, so a key already
 * certified is refused now with the CA's own problem. Then the subject snapshot is frozen into the request.
 */
@ApplicationScoped
public class Submissions {

    private final Access access;
    private final Eligibility eligibility;
    private final CertificateClient certificates;
    private final Transitions transitions;
    private final RequestOutbox outbox;
    private final Reminders reminders;
    private final WorkflowConfig config;

    Submissions(Access access, Eligibility eligibility, CertificateClient certificates, Transitions transitions, RequestOutbox outbox,
                Reminders reminders, WorkflowConfig config) {
        this.reminders = reminders;
        this.access = access;
        this.eligibility = eligibility;
        this.certificates = certificates;
        this.transitions = transitions;
        this.outbox = outbox;
        this.config = config;
    }

    public CertificateRequest submit(Caller caller, UUID id) {
        CertificateRequest seen = access.load(id);
        access.isOwner(caller, seen);
        Transitions.require(seen, RequestState.SUBMITTED);
        ApplicantSnapshot applicant = eligibility.applicantAndVerifiers(seen.applicantId);
        eligibility.requireActive(applicant);
        if (seen.type != RequestType.REVOCATION && applicant.openDataChange()) {
            throw DomainException.conflict("request.data-change-open");
        }
        if (seen.type == RequestType.RENEWAL && !Objects.equals(applicant.confirmedVersion(), applicant.dataVersion())) {
            throw DomainException.invalid("request.data-not-confirmed", applicant.dataVersion());
        }
        String serial = eligibility.certificateFor(seen.type, seen.applicantId, seen.certificateSerial);
        if (seen.csr != null) {
            try {
                Peers.run("request.ca-unavailable", () -> certificates.checkCsr(seen.csr, config.profile(), applicant.email()));
            } catch (PeerRejected e) {
                throw Peers.relay(e);
            }
        }
        Reminders.Answer reminder = seen.reminderKnown ? null : reminders.sentBefore(seen);
        return QuarkusTransaction.requiringNew().call(() -> {
            CertificateRequest r = access.lock(id);
            if (r.version != seen.version) {
                throw DomainException.conflict("conflict.stale-version");
            }
            if (reminder != null && !r.reminderKnown) {
                r.reminderSentAt = reminder.sentAt();
                r.reminderKnown = reminder.known();
            }
            Instant now = transitions.move(r, RequestState.SUBMITTED, Actor.of(caller), null);
            r.snapshot = freeze(applicant, now);
            r.institutionId = applicant.institutionId();
            r.certificateSerial = serial;
            r.submittedAt = now;
            if (r.firstSubmittedAt == null) {
                r.firstSubmittedAt = now;
            }
            r.claimedBy = null;
            r.claimedAt = null;
            outbox.submitted(r, applicant.verifiers());
            return r;
        });
    }

    static SubjectSnapshot freeze(ApplicantSnapshot a, Instant now) {
        SubjectSnapshot s = new SubjectSnapshot();
        s.fullName = a.fullName();
        s.email = a.email();
        s.nik = a.nik();
        s.institutionId = a.institutionId();
        s.institutionName = a.institutionName();
        s.institutionCode = a.institutionCode();
        s.unitName = a.unitName();
        s.dataVersion = a.dataVersion();
        s.confirmedVersion = a.confirmedVersion();
        s.confirmedAt = a.confirmedAt();
        s.subjectVersion = a.subjectVersion();
        s.language = a.language();
        s.takenAt = now;
        return s;
    }
}
