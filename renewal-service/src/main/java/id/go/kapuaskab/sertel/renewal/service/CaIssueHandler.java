package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.outbox.OutboxHandler;
import id.go.kapuaskab.sertel.outbox.OutboxItem;
import id.go.kapuaskab.sertel.outbox.Outcome;
import id.go.kapuaskab.sertel.renewal.client.CaRecords;
import id.go.kapuaskab.sertel.renewal.client.CertificateClient;
import id.go.kapuaskab.sertel.renewal.domain.OutboxKind;
import jakarta.enterprise.context.ApplicationScoped;

/** Asks the CA to sign an approved request's CSR (topic {@code ca.issue}); see {@link CaWork}. */
@ApplicationScoped
public class CaIssueHandler implements OutboxHandler {

    private final CaWork work;
    private final CertificateClient certificates;
    private final IssueCalls issueCalls;

    CaIssueHandler(CaWork work, CertificateClient certificates, IssueCalls issueCalls) {
        this.work = work;
        this.certificates = certificates;
        this.issueCalls = issueCalls;
    }

    @Override
    public String topic() {
        return OutboxKind.CA_ISSUE.topic();
    }

    @Override
    public Outcome handle(OutboxItem item) {
        return work.attempt(item, r -> {
            if (r.keyGeneration) {
                return Outcome.dead("key-generation", "a server-generated key is collected by the applicant, not issued from the outbox");
            }
            CaRecords.Issued issued = certificates.issue(issueCalls.body(r, r.csr));
            return Outcome.done(new CaWork.Done(issued.serial(), issued.notBefore(), issued.notAfter()));
        });
    }

    @Override
    public void settle(OutboxItem item, Outcome outcome) {
        work.settle(item, outcome);
    }
}
