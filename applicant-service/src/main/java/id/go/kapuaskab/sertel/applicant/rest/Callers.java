package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationActor;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;

/** The person behind this request's token ({@link Caller}, read by support), as this service's {@link Actor}. */
@RequestScoped
public class Callers {

    private final CurrentCaller caller;

    Callers(CurrentCaller caller) {
        this.caller = caller;
    }

    /** Called only behind {@code @RolesAllowed} of people's roles, so a token is present and verified. */
    public Actor current() {
        Caller c = caller.get();
        for (Role role : Role.values()) {
            if (c.is(role.name())) {
                return new Actor(c.accountId(), role);
            }
        }
        throw new ForbiddenException();
    }

    /** Called only behind {@code @RolesAllowed(INTEGRATION)}: the regional system behind the token. */
    public IntegrationActor integration() {
        Caller c = caller.get();
        if (!c.isIntegration()) {
            throw new ForbiddenException();
        }
        return new IntegrationActor(c.subject(), c.institutions(), c.scopes());
    }
}
