package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.Institution;
import id.go.kapuaskab.sertel.applicant.domain.WorkUnit;
import id.go.kapuaskab.sertel.applicant.repository.InstitutionRepository;
import id.go.kapuaskab.sertel.applicant.repository.WorkUnitRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Institutions and their work units, managed by admins. Codes are upper case and unique; names are unique
 * without regard to case; e-mail domains are lower-case host names. Institutions and units are deactivated,
 * never deleted: applicants and history keep pointing at them.
 */
@ApplicationScoped
public class Institutions {

    private static final Pattern DOMAIN = Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    private final InstitutionRepository institutions;
    private final WorkUnitRepository units;
    private final ApplicantAudit audit;
    private final Clock clock;

    Institutions(InstitutionRepository institutions, WorkUnitRepository units, ApplicantAudit audit, Clock clock) {
        this.institutions = institutions;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<InstitutionView> list(boolean includeInactive) {
        return institutions.listOrdered(includeInactive).stream()
                .map(i -> InstitutionView.of(i, units.ofInstitution(i.id).stream().filter(u -> includeInactive || u.active).toList()))
                .toList();
    }

    /** One institution; an inactive one only for those who asked to include inactive ones (admins). */
    @Transactional
    public InstitutionView get(UUID id, boolean includeInactive) {
        Institution i = institutions.findByIdOptional(id).filter(x -> includeInactive || x.active)
                .orElseThrow(() -> DomainException.notFound("institution.not-found"));
        return InstitutionView.of(i, units.ofInstitution(i.id).stream().filter(u -> includeInactive || u.active).toList());
    }

    @Transactional
    public InstitutionView create(Actor admin, InstitutionCommand command) {
        Institution i = new Institution();
        i.id = UUID.randomUUID();
        i.createdAt = clock.instant();
        apply(i, command);
        institutions.persist(i);
        flushOrConflict();
        audit.institution(admin, "CREATED", i.id, facts(i));
        return InstitutionView.of(i, List.of());
    }

    @Transactional
    public InstitutionView update(Actor admin, UUID id, InstitutionCommand command) {
        Institution i = institutions.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("institution.not-found"));
        if (command.version() == null || command.version() != i.version) {
            throw DomainException.conflict("conflict.stale-version").with("currentVersion", i.version);
        }
        apply(i, command);
        flushOrConflict();
        audit.institution(admin, "UPDATED", i.id, facts(i));
        return InstitutionView.of(i, units.ofInstitution(i.id));
    }

    @Transactional
    public InstitutionView addUnit(Actor admin, UUID institutionId, String name) {
        Institution i = institutions.findByIdOptional(institutionId).orElseThrow(() -> DomainException.notFound("institution.not-found"));
        WorkUnit u = new WorkUnit();
        u.id = UUID.randomUUID();
        u.institution = i;
        u.name = unitName(institutionId, name, null);
        u.active = true;
        units.persist(u);
        flushOrConflict();
        audit.institution(admin, "UNIT_ADDED", i.id, java.util.Map.of("unitId", u.id, "unit", u.name));
        return InstitutionView.of(i, units.ofInstitution(i.id));
    }

    @Transactional
    public InstitutionView updateUnit(Actor admin, UUID institutionId, UUID unitId, String name, boolean active) {
        WorkUnit u = units.findByIdOptional(unitId).filter(x -> x.institution.id.equals(institutionId))
                .orElseThrow(() -> DomainException.notFound("work-unit.not-found"));
        u.name = unitName(institutionId, name, unitId);
        u.active = active;
        flushOrConflict();
        audit.institution(admin, "UNIT_UPDATED", institutionId, java.util.Map.of("unitId", u.id, "unit", u.name, "active", u.active));
        return InstitutionView.of(u.institution, units.ofInstitution(institutionId));
    }

    private static java.util.Map<String, Object> facts(Institution i) {
        return java.util.Map.of("code", i.code, "name", i.name, "active", i.active, "emailDomains", List.copyOf(i.emailDomains));
    }

    private void apply(Institution i, InstitutionCommand c) {
        FieldErrors errors = new FieldErrors("");
        String code = c.code().strip().toUpperCase(Locale.ROOT);
        String name = normalize(c.name());
        institutions.findByCode(code).filter(other -> !other.id.equals(i.id)).ifPresent(other -> errors.add("code", "institution.code-taken"));
        if (institutions.nameTaken(name, i.id)) {
            errors.add("name", "institution.name-taken");
        }
        TreeSet<String> domains = new TreeSet<>();
        for (int k = 0; k < c.emailDomains().size(); k++) {
            String d = c.emailDomains().get(k) == null ? "" : c.emailDomains().get(k).strip().toLowerCase(Locale.ROOT);
            if (!DOMAIN.matcher(d).matches()) {
                errors.add("emailDomains[" + k + "]", "domain.format");
            }
            domains.add(d);
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        i.code = code;
        i.name = name;
        i.active = c.active() == null || c.active();
        i.emailDomains.clear();
        i.emailDomains.addAll(domains);
        i.updatedAt = now;
    }

    private String unitName(UUID institutionId, String raw, UUID self) {
        String name = normalize(raw);
        if (units.nameTaken(institutionId, name, self)) {
            throw DomainException.invalidField("name", "work-unit.name-taken");
        }
        return name;
    }

    private static String normalize(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    private void flushOrConflict() {
        try {
            institutions.flush();
        } catch (PersistenceException e) {
            throw DomainException.conflict("institution.conflict");
        }
    }
}
