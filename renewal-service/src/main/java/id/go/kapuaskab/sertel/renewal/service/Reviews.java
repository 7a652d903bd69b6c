package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.audit.AuditEntry;
import id.go.kapuaskab.sertel.audit.AuditTrail;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final AuditTrail audit;
    private final Clock clock;

    Reviews(Access access, Transitions transitions, EvidenceRepository evidence, AuditTrail audit, Clock clock) {
        this.access = access;
        this.transitions = transitions;
        this.evidence = evidence;
        this.audit = audit;
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
            if (e.items() != null && !e.items().isEmpty()) {
                List<SubjectCheck> checks = new ArrayList<>();
                for (Evidence.ItemCheck item : e.items()) {
                    SubjectCheck c = new SubjectCheck();
                    c.requestId = r.id;
                    c.item = item.item();
                    c.matches = item.matches();
                    c.note = item.note();
                    c.recordedBy = by;
                    c.recordedAt = now;
                    checks.add(c);
                }
                evidence.save(r.id, checks);
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
            audit.append(evidenceRecord(caller, r, e));
            return r;
        });
    }

    /** The evidence as the audit trail keeps it: each item checked and the contact, typed notes with long numbers masked. */
    private static AuditEntry evidenceRecord(Caller caller, CertificateRequest r, Evidence e) {
        AuditEntry entry = AuditEntry.of("EVIDENCE", "RECORDED").actor(caller).subject(r.id).detail("type", r.type)
                .detail("institutionId", r.institutionId);
        if (e.items() != null) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (Evidence.ItemCheck item : e.items()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("item", item.item().name());
                m.put("matches", item.matches());
                if (item.note() != null) {
                    m.put("note", AuditEntry.masked(item.note()));
                }
                items.add(m);
            }
            entry.detail("items", items);
        }
        if (e.contact() != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("contactPerson", AuditEntry.masked(e.contact().contactPerson()));
            c.put("channel", e.contact().channel().name());
            c.put("contactedAt", e.contact().contactedAt().toString());
            c.put("outcome", e.contact().outcome().name());
            if (e.contact().note() != null) {
                c.put("note", AuditEntry.masked(e.contact().note()));
            }
            entry.detail("contact", c);
        }
        return entry;
    }

    private static void requireClaimer(Caller caller, CertificateRequest r) {
        if (!caller.isAdmin() && !caller.accountId().equals(r.claimedBy)) {
            throw DomainException.forbidden("request.not-claimer");
        }
    }
}
