package id.go.kapuaskab.sertel.certificate.rest;

import id.go.kapuaskab.sertel.certificate.domain.Caller;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the verified token into a {@link Caller}: {@code sub}, {@code groups}, and the {@code inst} institutions. */
final class Callers {

    private Callers() {
    }

    static Caller of(JsonWebToken jwt) {
        Set<UUID> institutions = new HashSet<>();
        Object inst = jwt.getClaim("inst");
        if (inst instanceof Collection<?> values) {
            for (Object v : values) {
                String s = v instanceof JsonString js ? js.getString() : String.valueOf(v);
                try {
                    institutions.add(UUID.fromString(s));
                } catch (IllegalArgumentException ignored) {
                    // not an institution id: grants nothing
                }
            }
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        return new Caller(jwt.getSubject(), groups, Set.copyOf(institutions));
    }
}
