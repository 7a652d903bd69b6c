package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.applicant.domain.ApplicantData;
import id.go.kapuaskab.sertel.applicant.domain.ApplicantField;
import id.go.kapuaskab.sertel.applicant.domain.DataChange;
import id.go.kapuaskab.sertel.applicant.domain.HistoryEntry;
import id.go.kapuaskab.sertel.applicant.repository.ApplicantRepository;
import id.go.kapuaskab.sertel.applicant.repository.DataChangeRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One person of a staff sync, inside its own transaction: a new NIP is registered through {@link Registrations}, a
 * difference in what the staffing system is the authority on becomes a data change through
 * {@link DataChangeSubmissions} (never written over the record), a person who left the service gets a revocation request
 * ({@link StaffLeavers}), and an unchanged person is left alone. People outside the client's institutions, before or after
 * the move, are refused.
 */
@ApplicationScoped
public class StaffRecords {

    private final ApplicantRepository applicants;
    private final DataChangeRepository changes;
    private final ApplicantRules rules;
    private final Registrations registrations;
    private final DataChangeSubmissions submissions;
    private final StaffLeavers leavers;

    StaffRecords(ApplicantRepository applicants, DataChangeRepository changes, ApplicantRules rules, Registrations registrations,
                 DataChangeSubmissions submissions, StaffLeavers leavers) {
        this.applicants = applicants;
        this.changes = changes;
        this.rules = rules;
        this.registrations = registrations;
        this.submissions = submissions;
        this.leavers = leavers;
    }

    /** {@code dryRun}: the caller rolls the transaction back; nothing outside this database is asked to change either. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SyncResult apply(IntegrationAccess.Grant grant, StaffRecord r, int index, boolean dryRun) {
        String nip = r.nip() == null ? null : r.nip().strip();
        if (nip == null || nip.isEmpty()) {
            throw DomainException.invalidField("nip", "nip.key");
        }
        if (r.institutionId() != null && !grant.institutions().contains(r.institutionId())) {
            throw DomainException.forbidden("staff-sync.institution-not-allowed");
        }
        Optional<Applicant> known = applicants.findByNipForUpdate(nip);
        if (r.leaving() != null) {
            return leavers.left(grant, r, known, index, dryRun);
        }
        if (known.isEmpty()) {
            ApplicantData data = new ApplicantData(r.fullName(), r.email(), r.nik(), nip, r.phone(), r.position(), r.employmentType(),
                    r.institutionId(), r.workUnitId());
            ApplicantView created = registrations.registerForClient(grant.client().id, data, r.language());
            return new SyncResult(index, SyncResult.Outcome.REGISTERED, created.id(), null, List.of(), null);
        }
        Applicant a = known.get();
        if (!grant.institutions().contains(a.institution.id)) {
            throw DomainException.forbidden("staff-sync.institution-not-allowed");
        }
        if (r.nik() != null && !r.nik().isBlank() && !r.nik().strip().equals(a.nik)) {
            throw DomainException.conflict("staff-sync.nik-mismatch");
        }
        Map<String, String> proposed = proposed(a, r);
        if (proposed.isEmpty()) {
            return unchanged(index, a, null);
        }
        Optional<DataChange> open = changes.findOpen(a.id);
        if (open.isPresent()) {
            DataChange d = open.get();
            if (grant.client().id.equals(d.submittedByClient) && d.changes.equals(proposed)) {
                return unchanged(index, a, d);
            }
            throw DomainException.conflict("data-change.already-open");
        }
        if (a.account.status == AccountStatus.DISABLED) {
            throw DomainException.conflict("applicant.not-active", a.account.status.name()).with("accountStatus", a.account.status.name());
        }
        String reason = r.reason() == null || r.reason().isBlank()
                ? "Data kepegawaian dari " + grant.client().name + " (" + grant.client().id + ")" : r.reason().strip();
        DataChangeView d = submissions.submitForClient(grant.client().id, a, proposed, reason);
        return new SyncResult(index, SyncResult.Outcome.DATA_CHANGE_SUBMITTED, a.id, d.id(), List.copyOf(d.changes().keySet()), null);
    }

    /** The values that differ from the record, after the same normalisation the rules apply; every rule checked. */
    private Map<String, String> proposed(Applicant a, StaffRecord r) {
        Map<String, String> sent = new LinkedHashMap<>();
        put(sent, ApplicantField.FULL_NAME, r.fullName());
        put(sent, ApplicantField.EMAIL, r.email());
        put(sent, ApplicantField.POSITION, r.position());
        put(sent, ApplicantField.EMPLOYMENT_TYPE, r.employmentType());
        put(sent, ApplicantField.INSTITUTION, r.institutionId());
        put(sent, ApplicantField.WORK_UNIT, r.workUnitId());
        ApplicantData current = ApplicantData.of(a);
        Map<String, HistoryEntry.FieldChange> diff = rules.check(current.with(sent), a.id, "").data().diff(current);
        Map<String, String> proposed = new LinkedHashMap<>();
        diff.forEach((field, change) -> {
            if (sent.containsKey(field)) {
                proposed.put(field, change.to() == null ? "" : change.to());
            }
        });
        return proposed;
    }

    private static void put(Map<String, String> m, ApplicantField field, Object value) {
        if (value != null && !value.toString().isBlank()) {
            m.put(field.json(), value.toString());
        }
    }

    private static SyncResult unchanged(int index, Applicant a, DataChange pending) {
        return new SyncResult(index, SyncResult.Outcome.UNCHANGED, a.id, pending == null ? null : pending.id, List.of(), null);
    }
}
