package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.outbox.OutboxHandler;
import id.go.kapuaskab.sertel.outbox.OutboxItem;
import id.go.kapuaskab.sertel.outbox.Outcome;
import id.go.kapuaskab.sertel.renewal.client.CaRecords;
import id.go.kapuaskab.sertel.renewal.client.CertificateClient;
import id.go.kapuaskab.sertel.renewal.domain.OutboxKind;
import jakarta.enterprise.context.ApplicationScoped;

/** Asks the CA to revoke for an approved REVOCATION request (topic {@code ca.revoke}); see {@link CaWork}. */
@ApplicationScoped
public class CaRevokeHandler implements OutboxHandler {

    private final CaWork work;
    private final CertificateClient certificates;

    CaRevokeHandler(CaWork work, CertificateClient certificates) {
        this.work = work;
        this.certificates = certificates;
    }

    @Override
    public String topic() {
        return OutboxKind.CA_REVOKE.topic();
    }

    @Override
    public Outcome handle(OutboxItem item) {
        return work.attempt(item, r -> {
            certificates.revoke(r.certificateSerial, new CaRecords.Revocation(r.id, r.revocationReason.name(), null));
            return Outcome.done(new CaWork.Done(null, null, null));
        });
    }

    @Override
    public void settle(OutboxItem item, Outcome outcome) {
        work.settle(item, outcome);
    }
}
