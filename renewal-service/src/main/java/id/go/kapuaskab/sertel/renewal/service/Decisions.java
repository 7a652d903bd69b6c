package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.ApplicantSnapshot;
import id.go.kapuaskab.sertel.renewal.config.WorkflowConfig;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.ContactOutcome;
import id.go.kapuaskab.sertel.renewal.domain.EventType;
import id.go.kapuaskab.sertel.renewal.domain.InstitutionContact;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.SubjectCheck;
import id.go.kapuaskab.sertel.renewal.domain.SubjectItem;
import id.go.kapuaskab.sertel.renewal.repository.EvidenceRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.StepUp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * SOP step 8 and its alternatives: approve, return (the applicant must fix something) or reject (terminal); the
 * last two need a reason. Approval needs every subject item checked and matching since the last submission, a
 * CONFIRMED institution contact, four eyes (when on), and the applicant's current data still equal to the frozen
 * snapshot. A CSR or revocation request is then handed to the CA through the outbox (ISSUING); a server-generated
 * key waits, APPROVED, for the applicant to collect it with a passphrase.
 */
@ApplicationScoped
public class Decisions {

    private final Access access;
    private final Eligibility eligibility;
    private final EvidenceRepository evidence;
    private final Transitions transitions;
    private final RequestOutbox outbox;
    private final WorkflowConfig config;
    private final StepUp stepUp;

    Decisions(Access access, Eligibility eligibility, EvidenceRepository evidence, Transitions transitions, RequestOutbox outbox,
              WorkflowConfig config, StepUp stepUp) {
        this.stepUp = stepUp;
        this.access = access;
        this.eligibility = eligibility;
        this.evidence = evidence;
        this.transitions = transitions;
        this.outbox = outbox;
        this.config = config;
    }

    /** Authorises a signature by our CA, so the approver must have proved a second factor in this session. */
    public CertificateRequest approve(Caller caller, UUID id) {
        CertificateRequest seen = access.load(id);
        access.isOfficer(caller, seen);
        stepUp.require(caller);
        ApplicantSnapshot current = eligibility.applicant(seen.applicantId);
        return QuarkusTransaction.requiringNew().call(() -> {
            CertificateRequest r = access.lock(id);
            access.isOfficer(caller, r);
            Transitions.require(r, RequestState.APPROVED);
            requireEvidence(caller, r);
            if (SubjectDifferences.changed(r.snapshot, current)) {
                throw DomainException.conflict("request.subject-changed")
                        .with("differences", SubjectDifferences.between(r.snapshot, current));
            }
            eligibility.requireActive(current);
            r.snapshot.language = current.language();           // the approval's mail, and the completion's, in today's choice
            Actor actor = Actor.of(caller);
            r.approvedAt = transitions.move(r, RequestState.APPROVED, actor, null);
            r.approvedBy = caller.accountId();
            outbox.event(r, EventType.REQUEST_APPROVED);
            if (!r.keyGeneration) {
                transitions.move(r, RequestState.ISSUING, actor, null);
                outbox.caWork(r);
            }
            return r;
        });
    }

    public CertificateRequest returnToApplicant(Caller caller, UUID id, String reason) {
        return decide(caller, id, RequestState.RETURNED, EventType.REQUEST_RETURNED, reason);
    }

    public CertificateRequest reject(Caller caller, UUID id, String reason) {
        return decide(caller, id, RequestState.REJECTED, EventType.REQUEST_REJECTED, reason);
    }

    private CertificateRequest decide(Caller caller, UUID id, RequestState target, EventType event, String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalidField("reason", "required", "reason");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            CertificateRequest r = access.lock(id);
            access.isOfficer(caller, r);
            if (r.state != RequestState.IN_REVIEW) {
                throw Transitions.invalid(r);
            }
            transitions.move(r, target, Actor.of(caller), reason.trim());
            r.reason = reason.trim();
            r.claimedBy = null;
            r.claimedAt = null;
            outbox.event(r, event);
            return r;
        });
    }

    private void requireEvidence(Caller caller, CertificateRequest r) {
        List<SubjectCheck> checks = evidence.checks(r.id).stream()
                .filter(c -> r.submittedAt == null || !c.recordedAt.isBefore(r.submittedAt)).toList();
        Optional<InstitutionContact> contact = evidence.contact(r.id)
                .filter(c -> r.submittedAt == null || !c.recordedAt.isBefore(r.submittedAt));
        Set<SubjectItem> checked = EnumSet.noneOf(SubjectItem.class);
        checks.forEach(c -> checked.add(c.item));
        Set<SubjectItem> missing = EnumSet.allOf(SubjectItem.class);
        missing.removeAll(checked);
        if (!missing.isEmpty() || contact.isEmpty()) {
            throw DomainException.invalid("request.checks-incomplete")
                    .with("missingItems", missing).with("contactRecorded", contact.isPresent());
        }
        List<SubjectItem> mismatched = checks.stream().filter(c -> !c.matches).map(c -> c.item).toList();
        if (!mismatched.isEmpty()) {
            throw DomainException.invalid("request.checks-not-matching").with("mismatchedItems", mismatched);
        }
        if (contact.get().outcome != ContactOutcome.CONFIRMED) {
            throw DomainException.invalid("request.contact-not-confirmed", contact.get().outcome.name());
        }
        if (config.fourEyes()) {
            UUID approver = caller.accountId();
            if (checks.stream().anyMatch(c -> approver.equals(c.recordedBy)) || approver.equals(contact.get().recordedBy)) {
                throw DomainException.forbidden("request.four-eyes");
            }
        }
    }
}
