package id.go.kapuaskab.sertel.applicant.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.applicant.repository.ApplicantRepository;
import id.go.kapuaskab.sertel.applicant.repository.DataChangeRepository;
import id.go.kapuaskab.sertel.applicant.repository.InstitutionRepository;
import id.go.kapuaskab.sertel.applicant.repository.OfficerAssignmentRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What other services read about applicants (docs/ARCHITECTURE.md, "Internal APIs"): the subject snapshot
 * for renewal-service and notification-service (for a submission, with the verifiers of the applicant's institution,
 * whom renewal-service's event then names so notification-service looks nobody up), and an institution's verifiers.
 * The records are the contract: their fields are exactly those of the document, because the callers'
 * clients refuse unknown properties.
 */
@ApplicationScoped
public class Snapshots {

    private final ApplicantRepository applicants;
    private final DataChangeRepository changes;
    private final InstitutionRepository institutions;
    private final OfficerAssignmentRepository assignments;

    Snapshots(ApplicantRepository applicants, DataChangeRepository changes, InstitutionRepository institutions,
              OfficerAssignmentRepository assignments) {
        this.applicants = applicants;
        this.changes = changes;
        this.institutions = institutions;
        this.assignments = assignments;
    }

    /** The subject snapshot of one applicant; {@code verifiers} only when asked for (else absent from the JSON). */
    public record ApplicantSnapshot(UUID id, String status, String fullName, String email, String nik, UUID institutionId,
                                    String institutionName, String institutionCode, String unitName, String language,
                                    int dataVersion, Integer confirmedVersion, Instant confirmedAt, boolean openDataChange,
                                    int subjectVersion, @JsonInclude(JsonInclude.Include.NON_NULL) List<VerifierContact> verifiers) {
    }

    /** A verifier to notify. */
    public record VerifierContact(UUID id, String email, String fullName, String language) {
    }

    /** One applicant's snapshot, with the active verifiers of their institution when {@code withVerifiers}. */
    @Transactional
    public ApplicantSnapshot applicant(UUID id, boolean withVerifiers) {
        Applicant a = applicants.withSubject(id).orElseThrow(() -> DomainException.notFound("applicant.not-found"));
        return new ApplicantSnapshot(a.id, a.account.status.name(), a.account.fullName, a.account.email, a.nik, a.institution.id,
                a.institution.name, a.institution.code, a.workUnit.name, a.account.language, a.dataVersion, a.confirmedVersion,
                a.confirmedAt, changes.findOpen(a.id).isPresent(), a.subjectVersion,
                withVerifiers ? activeVerifiers(a.institution.id) : null);
    }

    @Transactional
    public List<VerifierContact> verifiersOf(UUID institutionId) {
        if (institutions.findByIdOptional(institutionId).isEmpty()) {
            throw DomainException.notFound("institution.not-found");
        }
        return activeVerifiers(institutionId);
    }

    private List<VerifierContact> activeVerifiers(UUID institutionId) {
        return assignments.activeVerifiersOf(institutionId).stream()
                .map(a -> new VerifierContact(a.id, a.email, a.fullName, a.language)).toList();
    }
}
