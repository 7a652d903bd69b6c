package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.Role;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The person behind the verified token of this request, as the services expect it. */
@RequestScoped
public class Callers {

    private final JsonWebToken jwt;

    Callers(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    /** Called only behind {@code @RolesAllowed} of people's roles, so a token is present and verified. */
    public Actor current() {
        try {
            UUID id = UUID.fromString(jwt.getSubject());
            for (Role role : Role.values()) {
                if (jwt.getGroups().contains(role.name())) {
                    return new Actor(id, role);
                }
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // a person's subject is always an account id; anything else is not a person
        }
        throw new ForbiddenException();
    }
}
