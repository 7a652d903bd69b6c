package id.go.kapuaskab.sertel.support.security;

import java.util.Map;
import java.util.Optional;

/**
 * Where the minimum token versions come from: by subject fingerprint ({@link TokenRevocations#fingerprint}), the
 * lowest {@code ver} a token of that subject must carry. Empty when this deployment has no feed (an external
 * identity provider), in which case nothing is checked.
 */
public interface RevocationSource {

    /** The current list, or empty when there is none to ask. Throws when it cannot be read now. */
    Optional<Map<String, Integer>> minimumVersions();
}
