package id.go.kapuaskab.sertel.signing.service;

import id.go.kapuaskab.sertel.signing.domain.SignatureRecord;
import id.go.kapuaskab.sertel.signing.repository.SignatureRecordRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Who may see which signatures: holders their own, verifiers their institutions', admins all, clients what they made. */
@ApplicationScoped
public class SignatureHistory {

    private final SignatureRecordRepository records;

    SignatureHistory(SignatureRecordRepository records) {
        this.records = records;
    }

    public List<SignatureRecord> list(Caller caller, int page, int size) {
        Page p = Page.of(page, size);
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (caller.isAdmin()) {
                return records.all(p);
            }
            if (caller.isVerifier()) {
                return caller.institutions().isEmpty() ? List.of() : records.ofInstitutions(caller.institutions(), p);
            }
            if (caller.isIntegration()) {
                return records.ofClient(caller.subject(), p);
            }
            if (caller.isApplicant()) {
                return records.ofHolder(caller.accountId(), p);
            }
            throw DomainException.forbidden("forbidden");
        });
    }
}
