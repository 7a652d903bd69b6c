package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.domain.EmploymentType;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationAudit;
import id.go.kapuaskab.sertel.applicant.domain.PersonKey;
import id.go.kapuaskab.sertel.applicant.service.LookupResult;
import id.go.kapuaskab.sertel.applicant.service.StaffRecord;
import id.go.kapuaskab.sertel.applicant.service.StaffSync;
import id.go.kapuaskab.sertel.applicant.service.StatusLookups;
import id.go.kapuaskab.sertel.applicant.service.SyncResult;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.FieldError;
import id.go.kapuaskab.sertel.support.problem.Problem;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import id.go.kapuaskab.sertel.support.problem.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the regional systems' status lookups and staff sync, and of the admin's record of them. */
final class IntegrationRequests {

    private IntegrationRequests() {
    }

    @Schema(name = "StatusLookupRequest", description = "Up to 100 people, each by NIK or by NIP (exactly one of them)")
    record Lookup(@NotNull @Size(min = 1, max = StatusLookups.MAX_PEOPLE) List<@NotNull @Valid Person> people) {

        /** The people as keys; 422 naming each item that has neither or both numbers. */
        List<PersonKey> keys() {
            List<FieldError> errors = new ArrayList<>();
            List<PersonKey> keys = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                if ((p.nik() == null) == (p.nip() == null)) {
                    errors.add(new FieldError("people[" + i + "]", "person.one-number", null));
                } else {
                    keys.add(p.nik() != null ? PersonKey.nik(p.nik()) : PersonKey.nip(p.nip()));
                }
            }
            if (!errors.isEmpty()) {
                throw new DomainException(ProblemKind.INVALID, "validation", errors);
            }
            return keys;
        }
    }

    @Schema(name = "StatusLookupPerson")
    record Person(@Pattern(regexp = "[0-9]{16}") @Schema(description = "16-digit NIK", example = "6203011208900003", nullable = true) String nik,
                  @Pattern(regexp = "[0-9]{18}") @Schema(description = "18-digit NIP", example = "199008122015031003", nullable = true) String nip) {
        @Override
        public String toString() {
            return "Person[…]";
        }
    }

    @Schema(name = "StatusLookupAnswer")
    record LookupAnswer(@Schema(description = "One per person asked about, in the same order") List<LookupResult> results) {
    }

    @Schema(name = "StaffSyncRequest", description = "Up to 100 changes from the staffing system, each with its event id, the person by NIP")
    record Sync(@Schema(description = "Answer what would happen, change nothing", example = "false") Boolean dryRun,
                @NotNull @Size(min = 1, max = StaffSync.MAX_PEOPLE) List<@NotNull @Valid Staff> people) {

        List<StaffRecord> records() {
            return people.stream().map(Staff::record).toList();
        }
    }

    @Schema(name = "StaffSyncPerson", description = """
            A person as the staffing system knows them. A new NIP needs what registration needs (NIK, name, official e-mail, \
            phone, position, employment type, institution, unit); for a known NIP the name, e-mail, position, employment type, \
            institution and unit are compared (fields left out are left alone), and a NIK, when sent, must be the one on record.""")
    record Staff(@Size(max = 100) @Schema(description = """
                         The staffing system's id of this change (letters, digits, `._:/-`, at most 100): the key of idempotency. \
                         An event already applied answers its first result again (`replayed: true`) and changes nothing; the same \
                         id with other content is refused (`staff-sync.event-reused`).""", example = "simpeg-mutasi-2026-000123") String eventId,
                 @Size(max = 32) @Schema(description = "18-digit NIP: the person", example = "199008122015031003") String nip,
                 @Size(max = 32) @Schema(description = "16-digit NIK; required for a new person", example = "6203011208900003", nullable = true) String nik,
                 @Size(max = 150) @Schema(example = "Budi Santoso") String fullName,
                 @Size(max = 254) @Schema(example = "budi.santoso@kapuaskab.go.id") String email,
                 @Size(max = 32) @Schema(description = "Used only to register a new person", example = "0812-3456-7890") String phone,
                 @Size(max = 200) @Schema(example = "Sandiman Ahli Pertama") String position,
                 EmploymentType employmentType,
                 UUID institutionId,
                 UUID workUnitId,
                 @Pattern(regexp = "id|en") @Schema(description = "Language of a new person's mail (default id)", nullable = true) String language,
                 @Size(max = 1000) @Schema(description = "Why the data changed, e.g. the decree (SK); shown to the verifier",
                         example = "Mutasi sesuai SK Kepala BKPSDM No. 800/123/BKPSDM/2026", nullable = true) String reason,
                 @Schema(description = """
                         The person left the civil service: RETIRED (pensiun) or DECEASED (meninggal dunia). Their ACTIVE or SUSPENDED \
                         certificate gets a revocation request for the verifiers (reason affiliationChanged or cessationOfOperation); \
                         the other fields are then not compared.""", nullable = true) StaffRecord.Leaving leaving) {

        StaffRecord record() {
            return new StaffRecord(eventId, nip, nik, fullName, email, phone, position, employmentType, institutionId, workUnitId, language, reason,
                    leaving);
        }

        @Override
        public String toString() {
            return "Staff[…]";
        }
    }

    @Schema(name = "StaffSyncItem")
    record SyncItem(@Schema(example = "0") int index,
                    @Schema(example = "DATA_CHANGE_SUBMITTED") SyncResult.Outcome outcome,
                    @Schema(description = "The applicant (absent when refused, and for a registration in a dry run)", nullable = true) UUID applicantId,
                    @Schema(description = "The data change submitted, or the open one of this client that already proposes the same",
                            nullable = true) UUID dataChangeId,
                    @Schema(description = "REVOCATION_REQUESTED: renewal-service's revocation request (new, or the one already open)",
                            nullable = true) UUID revocationRequestId,
                    @Schema(description = "Fields the data change would set", example = "[\"position\",\"workUnitId\"]") List<String> changedFields,
                    @Schema(description = "Why it was refused (problem+json body, in the caller's language)", nullable = true) Problem problem,
                    @Schema(description = "The event was applied by an earlier call: this is that call's result, and nothing was done now")
                    boolean replayed) {

        static SyncItem of(SyncResult r, Locale locale, String requestId) {
            return new SyncItem(r.index(), r.outcome(), r.applicantId(), r.dataChangeId(), r.revocationRequestId(), r.changedFields(),
                    r.problem() == null ? null : Problems.of(r.problem(), locale, requestId, null), r.replayed());
        }
    }

    @Schema(name = "StaffSyncAnswer")
    record SyncAnswer(@Schema(description = "Whether this was a dry run: then nothing changed") boolean dryRun,
                      @Schema(description = "One per person sent, in the same order") List<SyncItem> results) {
    }

    @Schema(name = "IntegrationAuditEntry", description = "One person a regional system asked about or sent")
    record AuditEntry(Instant at, @Schema(example = "int-5f0c2a9e81d3b7c4e6a1") String clientId,
                      @Schema(example = "STATUS_LOOKUP") IntegrationAudit.Operation operation,
                      @Schema(description = "Shared by the people of one call") UUID batchId,
                      @Schema(example = "0") int index,
                      @Schema(description = "The applicant, when the number is registered (also outside the client's institutions)", nullable = true)
                      UUID applicantId,
                      @Schema(description = "The number asked about, masked", example = "NIP **************1003") String person,
                      @Schema(example = "FOUND") String outcome,
                      @Schema(description = "What was answered or done",
                              example = "certificate f7ad60f85aa519f05d562e5184486299 ACTIVE until 2028-11-24T03:00:00Z; renewal open: false; open requests: []")
                      String detail,
                      @Schema(nullable = true) String requestId) {

        static AuditEntry of(IntegrationAudit a) {
            return new AuditEntry(a.occurredAt, a.clientId, a.operation, a.batchId, a.itemIndex, a.applicantId, a.person, a.outcome,
                    a.detail, a.requestId);
        }
    }
}
