package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.DemoConfig;
import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.applicant.domain.ApplicantData;
import id.go.kapuaskab.sertel.applicant.domain.EmploymentType;
import id.go.kapuaskab.sertel.applicant.domain.HistoryEntry;
import id.go.kapuaskab.sertel.applicant.domain.Institution;
import id.go.kapuaskab.sertel.applicant.domain.OfficerAssignment;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import id.go.kapuaskab.sertel.applicant.domain.WorkUnit;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.applicant.repository.ApplicantRepository;
import id.go.kapuaskab.sertel.applicant.repository.InstitutionRepository;
import id.go.kapuaskab.sertel.applicant.repository.OfficerAssignmentRepository;
import id.go.kapuaskab.sertel.applicant.repository.WorkUnitRepository;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The demo data of the local stack: institution "Dinas Kominfo Kabupaten Kapuas" (KOMINFO, kapuaskab.go.id)
 * with its units, and the accounts admin@, verifikator1@, verifikator2@ and pemohon1@kapuaskab.go.id, all with
 * the password {@code sertel-demo}. Seeds only what is missing, so restarts change nothing. Runs only when
 * {@code sertel.demo.enabled} is true, and refuses to start the service if that is set outside the
 * {@code local} profile: demo passwords must never reach a real deployment.
 */
@ApplicationScoped
public class DemoData {

    public static final String DOMAIN = "kapuaskab.go.id";
    static final List<String> UNITS = List.of("Bidang Persandian", "Bidang Aplikasi Informatika", "Bidang Statistik", "Sekretariat");
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final DemoConfig config;
    private final InstitutionRepository institutions;
    private final WorkUnitRepository units;
    private final AccountRepository accounts;
    private final ApplicantRepository applicants;
    private final OfficerAssignmentRepository assignments;
    private final PasswordHasher hasher;
    private final ApplicantRules rules;
    private final History history;
    private final Clock clock;

    DemoData(DemoConfig config, InstitutionRepository institutions, WorkUnitRepository units, AccountRepository accounts,
             ApplicantRepository applicants, OfficerAssignmentRepository assignments, PasswordHasher hasher,
             ApplicantRules rules, History history, Clock clock) {
        this.config = config;
        this.institutions = institutions;
        this.units = units;
        this.accounts = accounts;
        this.applicants = applicants;
        this.assignments = assignments;
        this.hasher = hasher;
        this.rules = rules;
        this.history = history;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        requireLocal(ConfigUtils.getProfiles());
        seed();
        LOG.info("Demo data present: admin@, verifikator1@, verifikator2@, pemohon1@" + DOMAIN);
    }

    /** Demo passwords must never reach a real deployment: the service refuses to start instead. */
    static void requireLocal(List<String> profiles) {
        if (!profiles.contains("local") || profiles.contains("prod")) {
            throw new IllegalStateException("sertel.demo.enabled=true is only allowed in the local profile (active: " + profiles + ")");
        }
    }

    /** Creates whatever part of the demo data is missing. */
    @Transactional
    public void seed() {
        Instant now = clock.instant();
        Institution kominfo = institutions.findByCode("KOMINFO").orElseGet(() -> institution(now));
        account("admin@" + DOMAIN, "Administrator", Role.ADMIN, now);
        for (String name : List.of("verifikator1", "verifikator2")) {
            Account v = account(name + "@" + DOMAIN, name.equals("verifikator1") ? "Siti Rahmawati" : "Agus Setiawan", Role.VERIFIER, now);
            if (v.role == Role.VERIFIER && !assignments.institutionsOf(v.id).contains(kominfo.id)) {
                assignments.persist(OfficerAssignment.of(v.id, kominfo.id, null, now));
            }
        }
        if (accounts.findByEmail("pemohon1@" + DOMAIN).isEmpty()) {
            applicant(kominfo, now);
        }
    }

    private Institution institution(Instant now) {
        Institution i = new Institution();
        i.id = UUID.randomUUID();
        i.code = "KOMINFO";
        i.name = "Dinas Kominfo Kabupaten Kapuas";
        i.active = true;
        i.emailDomains.add(DOMAIN);
        i.createdAt = now;
        i.updatedAt = now;
        institutions.persist(i);
        for (String name : UNITS) {
            WorkUnit u = new WorkUnit();
            u.id = UUID.randomUUID();
            u.institution = i;
            u.name = name;
            u.active = true;
            units.persist(u);
        }
        institutions.flush();
        return i;
    }

    private Account account(String email, String name, Role role, Instant now) {
        return accounts.findByEmail(email).orElseGet(() -> {
            Account a = Account.create(email, role, AccountStatus.ACTIVE, name, now);
            a.passwordHash = hasher.hash(config.password());
            accounts.persist(a);
            return a;
        });
    }

    private void applicant(Institution kominfo, Instant now) {
        WorkUnit persandian = units.ofInstitution(kominfo.id).stream().filter(u -> u.name.equals(UNITS.get(0))).findFirst().orElseThrow();
        ApplicantRules.Checked checked = rules.check(new ApplicantData("Budi Santoso", "pemohon1@" + DOMAIN, "6203011208900003",
                "199008122015031003", "0812-3456-7890", "Pranata Komputer Ahli Pertama", EmploymentType.PNS, kominfo.id,
                persandian.id), null, "");
        Account account = account("pemohon1@" + DOMAIN, checked.data().fullName(), Role.APPLICANT, now);
        Applicant a = new Applicant();
        a.account = account;
        a.nik = checked.data().nik();
        a.nip = checked.data().nip();
        a.phone = checked.data().phone();
        a.position = checked.data().position();
        a.employmentType = checked.data().employmentType();
        a.institution = kominfo;
        a.workUnit = persandian;
        a.dataVersion = 1;
        a.subjectVersion = 1;
        applicants.persist(a);
        history.record(a.id, 1, null, HistoryEntry.Action.REGISTERED, checked.data().diff(null), "demo data", null);
    }
}
