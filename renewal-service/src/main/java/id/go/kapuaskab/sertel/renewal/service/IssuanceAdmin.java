package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.repository.OutboxRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** An admin's push on a request stuck in ISSUING: its CA work is made due now (also after a refusal was fixed). */
@ApplicationScoped
public class IssuanceAdmin {

    private final Access access;
    private final OutboxRepository outbox;
    private final OutboxWorker worker;

    IssuanceAdmin(Access access, OutboxRepository outbox, OutboxWorker worker) {
        this.access = access;
        this.outbox = outbox;
        this.worker = worker;
    }

    public CertificateRequest retry(UUID id) {
        CertificateRequest r = QuarkusTransaction.requiringNew().call(() -> {
            CertificateRequest locked = access.lock(id);
            if (locked.state != RequestState.ISSUING || !outbox.retryNow(id)) {
                throw DomainException.conflict("request.not-stuck", locked.state.name()).with("currentState", locked.state.name());
            }
            return locked;
        });
        worker.wake();
        return r;
    }
}
