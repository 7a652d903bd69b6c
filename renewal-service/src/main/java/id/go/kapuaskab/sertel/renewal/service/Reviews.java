package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.InstitutionContact;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.SubjectCheck;
import id.go.kapuaskab.sertel.renewal.repository.EvidenceRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * SOP step 7 up to the decision: a verifier claims a submitted request (IN_REVIEW, claimed by them), may release
 * the claim (back to SUBMITTED), and records the evidence of both checks while holding the claim.
 */
@ApplicationScoped
public class Reviews {

    private final Access access;
    private final Transitions transitions;
    private final EvidenceRepository evidence;
    private final Clock clock;

    Reviews(Access access, Transitions transitions, EvidenceRepository evidence, Clock clock) {
        this.access = access;
        this.transitions = transitions;
        this.evidence = evidence;
        this.clock = clock;
    }

    public CertificateRequest claim(Caller caller, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CertificateRequest r = access.lock(id);
            access.isOfficer(caller, r);
            Instant now = transitions.move(r, RequestState.IN_REVIEW, Actor.of(caller), null);
            r.claimedBy = caller.accountId();
            r.claimedAt = now;
            return r;
        });
    }

    public CertificateRequest release(Caller caller, UUID id, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CertificateRequest r = access.lock(id);
            access.isOfficer(caller, r);
            if (r.state != RequestState.IN_REVIEW) {
                throw Transitions.invalid(r);
            }
            requireClaimer(caller, r);
            transitions.move(r, RequestState.SUBMITTED, Actor.of(caller), reason);
            r.claimedBy = null;
            r.claimedAt = null;
            return r;
        });
    }

    /** Records (or replaces) evidence; only the verifier holding the claim, or an admin, while IN_REVIEW. */
    public CertificateRequest record(Caller caller, UUID id, Evidence e) {
        if ((e.items() == null || e.items().isEmpty()) && e.contact() == null) {
            throw DomainException.invalid("request.nothing-to-record");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            CertificateRequest r = access.lock(id);
            access.isOfficer(caller, r);
            if (r.state != RequestState.IN_REVIEW) {
                throw DomainException.conflict("request.not-in-review", r.state.name()).with("currentState", r.state.name());
            }
            requireClaimer(caller, r);
            Instant now = clock.instant();
            UUID by = caller.accountId();
            if (e.items() != null) {
                for (Evidence.ItemCheck item : e.items()) {
                    SubjectCheck c = new SubjectCheck();
                    c.requestId = r.id;
                    c.item = item.item();
                    c.matches = item.matches();
                    c.note = item.note();
                    c.recordedBy = by;
                    c.recordedAt = now;
                    evidence.save(c);
                }
            }
            if (e.contact() != null) {
                if (e.contact().contactedAt().isAfter(now)) {
                    throw DomainException.invalidField("contact.contactedAt", "in-future", "contact.contactedAt");
                }
                InstitutionContact c = new InstitutionContact();
                c.requestId = r.id;
                c.contactPerson = e.contact().contactPerson();
                c.channel = e.contact().channel();
                c.contactedAt = e.contact().contactedAt();
                c.outcome = e.contact().outcome();
                c.note = e.contact().note();
                c.recordedBy = by;
                c.recordedAt = now;
                evidence.save(c);
            }
            r.updatedAt = now;
            return r;
        });
    }

    private static void requireClaimer(Caller caller, CertificateRequest r) {
        if (!caller.isAdmin() && !caller.accountId().equals(r.claimedBy)) {
            throw DomainException.forbidden("request.not-claimer");
        }
    }
}
