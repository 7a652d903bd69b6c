package id.go.kapuaskab.sertel.applicant;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.applicant.domain.EmploymentType;
import id.go.kapuaskab.sertel.applicant.domain.Institution;
import id.go.kapuaskab.sertel.applicant.domain.OfficerAssignment;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import id.go.kapuaskab.sertel.applicant.domain.WorkUnit;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.applicant.repository.ApplicantRepository;
import id.go.kapuaskab.sertel.applicant.repository.InstitutionRepository;
import id.go.kapuaskab.sertel.applicant.repository.OfficerAssignmentRepository;
import id.go.kapuaskab.sertel.applicant.repository.WorkUnitRepository;
import id.go.kapuaskab.sertel.testsupport.TestTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Institutions, officers and applicants straight in the database, each test with its own, so tests never collide. */
@ApplicationScoped
public class Fixtures {

    private final InstitutionRepository institutions;
    private final WorkUnitRepository units;
    private final AccountRepository accounts;
    private final ApplicantRepository applicants;
    private final OfficerAssignmentRepository assignments;

    Fixtures(InstitutionRepository institutions, WorkUnitRepository units, AccountRepository accounts,
             ApplicantRepository applicants, OfficerAssignmentRepository assignments) {
        this.institutions = institutions;
        this.units = units;
        this.accounts = accounts;
        this.applicants = applicants;
        this.assignments = assignments;
    }

    public record Inst(UUID id, String code, String domain, UUID unitId, UUID otherUnitId) {
    }

    public record Person(UUID id, String email, String token) {
    }

    public record PersonalNumbers(String nik, String nip) {
    }

    @Transactional
    public Inst institution() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Institution i = new Institution();
        i.id = UUID.randomUUID();
        i.code = "T" + tag.toUpperCase(Locale.ROOT);
        i.name = "Dinas Uji " + tag;
        i.active = true;
        i.emailDomains.add("d" + tag + ".kapuaskab.go.id");
        i.createdAt = Instant.now();
        i.updatedAt = i.createdAt;
        institutions.persist(i);
        return new Inst(i.id, i.code, "d" + tag + ".kapuaskab.go.id", unit(i, "Bidang Persandian").id, unit(i, "Sekretariat").id);
    }

    private WorkUnit unit(Institution i, String name) {
        WorkUnit u = new WorkUnit();
        u.id = UUID.randomUUID();
        u.institution = i;
        u.name = name;
        u.active = true;
        units.persist(u);
        return u;
    }

    @Transactional
    public Person verifier(UUID... institutionIds) {
        Account a = Account.create("verifier-" + UUID.randomUUID() + "@kapuaskab.go.id", Role.VERIFIER, AccountStatus.ACTIVE, "Verifikator Uji", Instant.now());
        accounts.persist(a);
        for (UUID inst : institutionIds) {
            assignments.persist(OfficerAssignment.of(a.id, inst, null, Instant.now()));
        }
        return new Person(a.id, a.email, TestTokens.verifier(a.id, institutionIds));
    }

    @Transactional
    public Person admin() {
        Account a = Account.create("admin-" + UUID.randomUUID() + "@kapuaskab.go.id", Role.ADMIN, AccountStatus.ACTIVE, "Admin Uji", Instant.now());
        accounts.persist(a);
        return new Person(a.id, a.email, TestTokens.admin(a.id));
    }

    /** An ACTIVE PNS applicant of the institution with plausible, unique NIK and NIP. */
    @Transactional
    public Person applicant(Inst inst) {
        PersonalNumbers numbers = personalNumbers();
        Account a = Account.create("pemohon-" + UUID.randomUUID().toString().substring(0, 12) + "@" + inst.domain(), Role.APPLICANT,
                AccountStatus.ACTIVE, "Budi Santoso", Instant.now());
        accounts.persist(a);
        Applicant ap = new Applicant();
        ap.account = a;
        ap.nik = numbers.nik();
        ap.nip = numbers.nip();
        ap.phone = "+6281234567890";
        ap.position = "Pranata Komputer Ahli Pertama";
        ap.employmentType = EmploymentType.PNS;
        ap.institution = institutions.findById(inst.id());
        ap.workUnit = units.findById(inst.unitId());
        ap.dataVersion = 1;
        ap.subjectVersion = 1;
        applicants.persist(ap);
        return new Person(a.id, a.email, TestTokens.applicant(a.id, inst.id()));
    }

    /** The NIK and NIP on record for an applicant. */
    @Transactional
    public PersonalNumbers numbersOf(UUID applicantId) {
        Applicant a = applicants.findById(applicantId);
        return new PersonalNumbers(a.nik, a.nip);
    }

    /** A random, plausible, consistent NIK and NIP pair (serials random, so pairs do not repeat). */
    public static PersonalNumbers personalNumbers() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1965 + r.nextInt(35), 1 + r.nextInt(12), 1 + r.nextInt(28));
        boolean female = r.nextBoolean();
        String nik = String.format("620301%02d%02d%02d%04d", birth.getDayOfMonth() + (female ? 40 : 0), birth.getMonthValue(),
                birth.getYear() % 100, 1 + r.nextInt(9998));
        String nip = String.format("%04d%02d%02d%04d%02d%d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(),
                birth.getYear() + 23, 1 + r.nextInt(12), female ? 2 : 1, 1 + r.nextInt(998));
        return new PersonalNumbers(nik, nip);
    }
}
