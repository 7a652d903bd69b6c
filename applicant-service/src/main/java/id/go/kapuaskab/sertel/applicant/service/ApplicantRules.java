package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.ApplicantData;
import id.go.kapuaskab.sertel.applicant.domain.Institution;
import id.go.kapuaskab.sertel.applicant.domain.PersonNames;
import id.go.kapuaskab.sertel.applicant.domain.PersonalNumbers;
import id.go.kapuaskab.sertel.applicant.domain.PhoneNumbers;
import id.go.kapuaskab.sertel.applicant.domain.WorkUnit;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.applicant.repository.ApplicantRepository;
import id.go.kapuaskab.sertel.applicant.repository.InstitutionRepository;
import id.go.kapuaskab.sertel.applicant.repository.WorkUnitRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules every version of applicant data must pass, whoever writes it (registration, self-registration,
 * an approved data change): normalised names, plausible and consistent NIK and NIP (see {@link PersonalNumbers}),
 * an Indonesian phone number, an official e-mail in one of the institution's domains, an active institution
 * and one of its active work units, and NIK, NIP and e-mail not used by anyone else. All failures are
 * reported together as field errors; texts never repeat the NIK, NIP or phone.
 */
@ApplicationScoped
public class ApplicantRules {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private final InstitutionRepository institutions;
    private final WorkUnitRepository units;
    private final ApplicantRepository applicants;
    private final AccountRepository accounts;
    private final Clock clock;

    ApplicantRules(InstitutionRepository institutions, WorkUnitRepository units, ApplicantRepository applicants,
                   AccountRepository accounts, Clock clock) {
        this.institutions = institutions;
        this.units = units;
        this.applicants = applicants;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Checked data, normalised, with the institution and unit it names. */
    public record Checked(ApplicantData data, Institution institution, WorkUnit workUnit) {
    }

    /**
     * Normalises and checks {@code raw}; {@code self} is the applicant's own id (null for a new one), so their
     * own NIK and e-mail do not count as taken; {@code prefix} is put before field names ({@code changes.}).
     */
    public Checked check(ApplicantData raw, UUID self, String prefix) {
        FieldErrors errors = new FieldErrors(prefix);
        LocalDate today = LocalDate.ofInstant(clock.instant(), JAKARTA);

        String name = PersonNames.normalize(raw.fullName());
        PersonNames.problem(name).ifPresent(code -> errors.add("fullName", code));

        Institution institution = raw.institutionId() == null ? null : institutions.findById(raw.institutionId());
        if (institution == null) {
            errors.add("institutionId", "institution.unknown");
        } else if (!institution.active) {
            errors.add("institutionId", "institution.inactive");
        }
        WorkUnit unit = raw.workUnitId() == null ? null : units.findById(raw.workUnitId());
        if (unit == null || institution != null && !unit.institution.id.equals(institution.id)) {
            errors.add("workUnitId", "work-unit.unknown");
        } else if (!unit.active) {
            errors.add("workUnitId", "work-unit.inactive");
        }

        String email = Account.normalizeEmail(raw.email());
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add("email", "email.format");
        } else if (institution != null && !institution.allowsEmail(email)) {
            errors.add("email", "email.domain");
        } else if (accounts.findByEmail(email).filter(a -> !a.id.equals(self)).isPresent()) {
            errors.add("email", "email.taken");
        }

        String nik = raw.nik() == null ? null : raw.nik().strip();
        PersonalNumbers.nikProblem(nik, today).ifPresent(code -> errors.add("nik", code));
        if (!errors.has("nik") && applicants.nikTaken(nik, self)) {
            errors.add("nik", "nik.taken");
        }

        String nip = raw.nip() == null || raw.nip().isBlank() ? null : raw.nip().strip();
        if (raw.employmentType() == null) {
            errors.add("employmentType", "employment-type.required");
        } else if (nip == null && raw.employmentType().requiresNip()) {
            errors.add("nip", "nip.required");
        }
        if (nip != null) {
            PersonalNumbers.nipProblem(nip, today).ifPresent(code -> errors.add("nip", code));
            if (!errors.has("nip") && !errors.has("nik")) {
                PersonalNumbers.mismatch(nik, nip).ifPresent(code -> errors.add("nip", code));
            }
            if (!errors.has("nip") && applicants.nipTaken(nip, self)) {
                errors.add("nip", "nip.taken");
            }
        }

        String phone = PhoneNumbers.normalize(raw.phone()).orElse(null);
        if (phone == null) {
            errors.add("phone", "phone.format");
        }
        String position = raw.position() == null ? null
                : Normalizer.normalize(raw.position(), Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (position == null || position.isEmpty() || position.length() > 200) {
            errors.add("position", "position.blank");
        }
        errors.throwIfAny();
        return new Checked(new ApplicantData(name, email, nik, nip, phone, position, raw.employmentType(),
                institution.id, unit.id), institution, unit);
    }
}
