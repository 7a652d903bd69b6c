package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * The institutions a person acts for, carried in the {@code inst} claim so that other services can scope
 * verifiers and applicants without calling back. Institutions and assignments arrive with the applicant
 * model (issue 3); until then no account has any.
 */
@ApplicationScoped
public class AccountScopes {

    public List<UUID> institutionsOf(Account account) {
        return List.of();
    }
}
