package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.CaRecords;
import id.go.kapuaskab.sertel.renewal.config.WorkflowConfig;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import id.go.kapuaskab.sertel.renewal.domain.SubjectSnapshot;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The issue call of a request, built only from what the request holds (the frozen snapshot, the CSR, the
 * predecessor), so every retry sends the same content under the same request id and the CA answers a replay.
 */
@ApplicationScoped
public class IssueCalls {

    private final WorkflowConfig config;

    IssueCalls(WorkflowConfig config) {
        this.config = config;
    }

    /** With the request's own CSR, or (when {@code keyGeneration} is given) a key the CA generates. */
    public CaRecords.Issue body(CertificateRequest r, CaRecords.KeyGeneration keyGeneration) {
        return body(r, keyGeneration == null ? r.csr : null, keyGeneration);
    }

    /** With the CSR of a key made elsewhere (a key signing-service keeps for the holder). */
    public CaRecords.Issue body(CertificateRequest r, String csr) {
        return body(r, csr, null);
    }

    private CaRecords.Issue body(CertificateRequest r, String csr, CaRecords.KeyGeneration keyGeneration) {
        SubjectSnapshot s = r.snapshot;
        CaRecords.Subject subject = new CaRecords.Subject(s.fullName, s.email, s.nik, s.institutionId, s.institutionName,
                s.unitName);
        return new CaRecords.Issue(r.id, r.applicantId, config.profile(), subject, csr, keyGeneration,
                r.type == RequestType.RENEWAL ? r.certificateSerial : null);
    }
}
