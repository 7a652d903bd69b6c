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

    public CaRecords.Issue body(CertificateRequest r, CaRecords.KeyGeneration keyGeneration) {
        SubjectSnapshot s = r.snapshot;
        CaRecords.Subject subject = new CaRecords.Subject(s.fullName, s.email, s.nik, s.institutionId, s.institutionName,
                s.unitName);
        return new CaRecords.Issue(r.id, r.applicantId, config.profile(), subject, keyGeneration == null ? r.csr : null,
                keyGeneration, r.type == RequestType.RENEWAL ? r.certificateSerial : null);
    }
}
