package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.outbox.Outbox;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.OutboxKind;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.support.problem.DomainException;
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

    IssuanceAdmin(Access access, Outbox outbox) {
        this.access = access;
        this.outbox = outbox;
    }

    public CertificateRequest retry(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CertificateRequest locked = access.lock(id);
            if (locked.state != RequestState.ISSUING || outbox.retryNow(id.toString(), CA_TOPICS) == 0) {
                throw DomainException.conflict("request.not-stuck", locked.state.name()).with("currentState", locked.state.name());
            }
            return locked;
        });
    }
}
