package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.applicant.domain.ApplicantData;
import id.go.kapuaskab.sertel.applicant.domain.HistoryEntry;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.applicant.repository.ApplicantRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * How applicants come in. A verifier (or an admin) registers an applicant of their institution, or a person
 * registers themself through the public endpoint. Either way the account waits for the owner to confirm the
 * e-mail address through the one-time link, which is also where they choose their password. A verifier's
 * registration is then ACTIVE; a self-registration waits for a verifier of the institution to activate it.
 */
@ApplicationScoped
public class Registrations {

    private final ApplicantRules rules;
    private final AccountRepository accounts;
    private final ApplicantRepository applicants;
    private final EmailConfirmations confirmations;
    private final PasswordHasher hasher;
    private final History history;
    private final Scopes scopes;
    private final AuthConfig authConfig;
    private final Clock clock;

    Registrations(ApplicantRules rules, AccountRepository accounts, ApplicantRepository applicants, EmailConfirmations confirmations,
                  PasswordHasher hasher, History history, Scopes scopes, AuthConfig authConfig, Clock clock) {
        this.rules = rules;
        this.accounts = accounts;
        this.applicants = applicants;
        this.confirmations = confirmations;
        this.hasher = hasher;
        this.history = history;
        this.scopes = scopes;
        this.authConfig = authConfig;
        this.clock = clock;
    }

    @Transactional
    public ApplicantView registerByOfficer(Actor officer, ApplicantData data, String language) {
        if (data.institutionId() != null) {
            scopes.requireInstitution(officer, data.institutionId());
        }
        return create(data, language, officer);
    }

    @Transactional
    public ApplicantView selfRegister(ApplicantData data, String language) {
        return create(data, language, null);
    }

    /** Confirms the e-mail address with the mailed token and sets the password; returns the new account status. */
    @Transactional
    public AccountStatus confirmEmail(String token, String password) {
        if (password == null || password.length() < authConfig.password().minLength() || password.length() > 1024) {
            throw DomainException.invalidField("password", "password.length", authConfig.password().minLength());
        }
        Account account = confirmations.consume(token);
        Applicant applicant = applicants.findById(account.id);
        AccountStatus before = account.status;
        account.passwordHash = hasher.hash(password);
        if (before == AccountStatus.PENDING_EMAIL) {
            account.status = applicant != null && applicant.selfRegistered ? AccountStatus.PENDING_ACTIVATION : AccountStatus.ACTIVE;
        }
        account.updatedAt = clock.instant();
        if (applicant != null) {
            history.record(applicant.id, applicant.dataVersion, new Actor(account.id, account.role), HistoryEntry.Action.EMAIL_CONFIRMED,
                    Map.of("status", new HistoryEntry.FieldChange(before.name(), account.status.name())), null, null);
        }
        return account.status;
    }

    /** Mails a new link when the address belongs to an account still waiting for it; says nothing either way. */
    @Transactional
    public void resendConfirmation(String email) {
        if (email == null || email.length() > 254) {
            return;
        }
        accounts.findByEmail(email).filter(a -> a.status == AccountStatus.PENDING_EMAIL).ifPresent(confirmations::issue);
    }

    /** A verifier of the applicant's institution (or an admin) activates a self-registered, e-mail-confirmed applicant. */
    @Transactional
    public ApplicantView activate(Actor officer, UUID applicantId) {
        Applicant applicant = applicants.findForUpdate(applicantId).filter(a -> scopes.maySee(officer, a))
                .orElseThrow(() -> DomainException.notFound("applicant.not-found"));
        AccountStatus before = applicant.account.status;
        if (before != AccountStatus.PENDING_ACTIVATION) {
            throw DomainException.conflict("applicant.not-pending-activation", before.name()).with("accountStatus", before.name());
        }
        applicant.account.status = AccountStatus.ACTIVE;
        applicant.account.updatedAt = clock.instant();
        history.record(applicant.id, applicant.dataVersion, officer, HistoryEntry.Action.ACTIVATED,
                Map.of("status", new HistoryEntry.FieldChange(before.name(), AccountStatus.ACTIVE.name())), null, null);
        return ApplicantView.of(applicant, null);
    }

    private ApplicantView create(ApplicantData raw, String language, Actor officer) {
        ApplicantRules.Checked checked = rules.check(raw, null, "");
        ApplicantData data = checked.data();
        Instant now = clock.instant();
        Account account = Account.create(data.email(), Role.APPLICANT, AccountStatus.PENDING_EMAIL, data.fullName(), now);
        account.language = "en".equals(language) ? "en" : "id";
        accounts.persist(account);
        Applicant applicant = new Applicant();
        applicant.account = account;
        applicant.nik = data.nik();
        applicant.nip = data.nip();
        applicant.phone = data.phone();
        applicant.position = data.position();
        applicant.employmentType = data.employmentType();
        applicant.institution = checked.institution();
        applicant.workUnit = checked.workUnit();
        applicant.selfRegistered = officer == null;
        applicant.dataVersion = 1;
        applicant.subjectVersion = 1;
        applicants.persist(applicant);
        flushOrConflict();
        Actor actor = officer != null ? officer : new Actor(account.id, Role.APPLICANT);
        history.record(applicant.id, 1, actor, HistoryEntry.Action.REGISTERED, data.diff(null), null, null);
        confirmations.issue(account);
        return ApplicantView.of(applicant, null);
    }

    /** Two registrations racing for the same NIK, NIP or e-mail: the unique index decides, the loser gets 409. */
    private void flushOrConflict() {
        try {
            applicants.flush();
        } catch (PersistenceException e) {
            throw DomainException.conflict("applicant.already-registered");
        }
    }
}
