package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.Applicant;
import id.go.kapuaskab.sertel.applicant.repository.ApplicantRepository;
import id.go.kapuaskab.sertel.applicant.repository.OfficerAssignmentRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may see what, always from the database (a token's {@code inst} claim may be up to five minutes old):
 * an admin every institution, a verifier the institutions assigned to them, an applicant only their own record.
 * <p>
 * Records outside the caller's scope (applicants, data changes, documents) are answered as if they did not
 * exist (404), so ids do not leak; institutions are public knowledge, so naming one outside the caller's
 * assignment is a plain 403.
 */
@ApplicationScoped
public class Scopes {

    private final OfficerAssignmentRepository assignments;
    private final ApplicantRepository applicants;

    Scopes(OfficerAssignmentRepository assignments, ApplicantRepository applicants) {
        this.assignments = assignments;
        this.applicants = applicants;
    }

    /** The institutions an officer may act for; empty Optional means all (admin). */
    public Optional<Set<UUID>> institutionsOf(Actor actor) {
        if (actor.isAdmin()) {
            return Optional.empty();
        }
        if (actor.isVerifier()) {
            return Optional.of(Set.copyOf(assignments.institutionsOf(actor.id())));
        }
        return Optional.of(applicants.findByIdOptional(actor.id()).map(a -> Set.of(a.institution.id)).orElse(Set.of()));
    }

    /** The institution ids for an officer's listing: one requested (403 if not theirs) or all of theirs. */
    public Optional<Set<UUID>> officerFilter(Actor actor, UUID requested) {
        Optional<Set<UUID>> mine = institutionsOf(actor);
        if (requested == null) {
            return mine;
        }
        requireInstitution(actor, requested);
        return Optional.of(Set.of(requested));
    }

    public boolean mayActFor(Actor actor, UUID institutionId) {
        return institutionsOf(actor).map(s -> s.contains(institutionId)).orElse(true);
    }

    /** 403 when an officer names an institution that is not theirs. */
    public void requireInstitution(Actor actor, UUID institutionId) {
        if (!mayActFor(actor, institutionId)) {
            throw DomainException.forbidden("institution.not-assigned");
        }
    }

    /** Whether the caller may read an applicant: themself, a verifier of the institution, or an admin. */
    public boolean maySee(Actor actor, Applicant applicant) {
        if (actor.isApplicant()) {
            return actor.id().equals(applicant.id);
        }
        return actor.isAdmin() || actor.isVerifier() && mayActFor(actor, applicant.institution.id);
    }

    /** The token's view of one account's institutions, for the {@code inst} claim. */
    List<UUID> claimOf(UUID accountId, id.go.kapuaskab.sertel.applicant.domain.Role role) {
        return switch (role) {
            case VERIFIER -> assignments.institutionsOf(accountId);
            case APPLICANT -> applicants.findByIdOptional(accountId).map(a -> List.of(a.institution.id)).orElse(List.of());
            case ADMIN, AUDITOR -> List.of();
        };
    }
}
