package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.OfficerAssignment;
import id.go.kapuaskab.sertel.applicant.domain.PersonNames;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import id.go.kapuaskab.sertel.applicant.repository.AccountRepository;
import id.go.kapuaskab.sertel.applicant.repository.InstitutionRepository;
import id.go.kapuaskab.sertel.applicant.repository.OfficerAssignmentRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Officer accounts, managed by admins: create a VERIFIER, ADMIN or AUDITOR (the person confirms the e-mail address and
 * chooses a password through the mailed link) and set the institutions a verifier serves. Admins have no
 * assignments: they act for every institution; auditors have none either: they read the audit trails, nothing else.
 */
@ApplicationScoped
public class Officers {

    static final List<Role> OFFICER_ROLES = List.of(Role.VERIFIER, Role.ADMIN, Role.AUDITOR);

    private final AccountRepository accounts;
    private final OfficerAssignmentRepository assignments;
    private final InstitutionRepository institutions;
    private final EmailConfirmations confirmations;
    private final AccountLifecycle lifecycle;
    private final ApplicantAudit audit;
    private final Clock clock;

    Officers(AccountRepository accounts, OfficerAssignmentRepository assignments, InstitutionRepository institutions,
             EmailConfirmations confirmations, AccountLifecycle lifecycle, ApplicantAudit audit, Clock clock) {
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.accounts = accounts;
        this.assignments = assignments;
        this.institutions = institutions;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    @Transactional
    public List<OfficerView> list() {
        return accounts.list("role in ?1 order by email", OFFICER_ROLES).stream()
                .map(a -> OfficerView.of(a, assignments.institutionsOf(a.id))).toList();
    }

    @Transactional
    public OfficerView get(UUID id) {
        Account a = officer(id);
        return OfficerView.of(a, assignments.institutionsOf(a.id));
    }

    @Transactional
    public OfficerView create(Actor admin, String email, String fullName, Role role, List<UUID> institutionIds, String language) {
        FieldErrors errors = new FieldErrors("");
        String normalizedEmail = Account.normalizeEmail(email);
        if (accounts.findByEmail(normalizedEmail).isPresent()) {
            errors.add("email", "email.taken");
        }
        String name = PersonNames.normalize(fullName);
        if (name == null || name.isEmpty()) {
            errors.add("fullName", "name.blank");
        }
        if (!OFFICER_ROLES.contains(role)) {
            errors.add("role", "officer.role");
        }
        Set<UUID> ids = checkInstitutions(role, institutionIds, errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        Account account = Account.create(normalizedEmail, role, AccountStatus.PENDING_EMAIL, name, now);
        account.language = "en".equals(language) ? "en" : "id";
        accounts.persist(account);
        ids.forEach(inst -> assignments.persist(OfficerAssignment.of(account.id, inst, admin.id(), now)));
        try {
            accounts.flush();
        } catch (PersistenceException e) {
            throw DomainException.conflict("officer.conflict");
        }
        confirmations.issue(account);
        audit.officerCreated(admin, account, ids);
        return OfficerView.of(account, List.copyOf(ids));
    }

    /**
     * Replaces a verifier's institutions; takes effect at once here, and in every service within seconds: the officer's
     * tokens are retired, so the next call refreshes into a token with the new institutions.
     */
    @Transactional
    public OfficerView assign(Actor admin, UUID id, List<UUID> institutionIds) {
        Account a = officer(id);
        FieldErrors errors = new FieldErrors("");
        Set<UUID> ids = checkInstitutions(a.role, institutionIds, errors);
        errors.throwIfAny();
        assignments.removeAllOf(a.id);
        assignments.flush();
        Instant now = clock.instant();
        ids.forEach(inst -> assignments.persist(OfficerAssignment.of(a.id, inst, admin.id(), now)));
        lifecycle.institutionsChanged(admin, a, ids.toString());
        return OfficerView.of(a, assignments.institutionsOf(a.id));
    }

    private Set<UUID> checkInstitutions(Role role, List<UUID> requested, FieldErrors errors) {
        Set<UUID> ids = new LinkedHashSet<>(requested == null ? List.of() : requested);
        if (role != Role.VERIFIER && !ids.isEmpty()) {
            errors.add("institutionIds", "officer.admin-institutions");
        }
        for (UUID id : ids) {
            if (id == null || institutions.findByIdOptional(id).isEmpty()) {
                errors.add("institutionIds", "institution.unknown");
            }
        }
        return ids;
    }

    private Account officer(UUID id) {
        return accounts.findByIdOptional(id).filter(a -> OFFICER_ROLES.contains(a.role))
                .orElseThrow(() -> DomainException.notFound("officer.not-found"));
    }
}
