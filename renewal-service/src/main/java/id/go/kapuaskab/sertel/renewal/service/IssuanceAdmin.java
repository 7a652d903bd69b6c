package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.audit.AuditEntry;
import id.go.kapuaskab.sertel.audit.AuditTrail;
import id.go.kapuaskab.sertel.outbox.Outbox;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.OutboxKind;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/** An admin's push on a request stuck in ISSUING: its CA work is made due now (also after a refusal was fixed). */
@ApplicationScoped
public class IssuanceAdmin {

    static final Set<String> CA_TOPICS = Set.of(OutboxKind.CA_ISSUE.topic(), OutboxKind.CA_REVOKE.topic());

    private final Access access;
    private final Outbox outbox;
    private final AuditTrail audit;

    IssuanceAdmin(Access access, Outbox outbox, AuditTrail audit) {
        this.access = access;
        this.outbox = outbox;
        this.audit = audit;
    }

    public CertificateRequest retry(Caller caller, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CertificateRequest locked = access.lock(id);
            if (locked.state != RequestState.ISSUING || outbox.retryNow(id.toString(), CA_TOPICS) == 0) {
                throw DomainException.conflict("request.not-stuck", locked.state.name()).with("currentState", locked.state.name());
            }
            audit.append(AuditEntry.of("ISSUANCE_RETRY", "SCHEDULED").actor(caller).subject(locked.id).detail("type", locked.type));
            return locked;
        });
    }
}
