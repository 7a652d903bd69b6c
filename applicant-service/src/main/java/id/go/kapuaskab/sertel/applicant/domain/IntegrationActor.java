package id.go.kapuaskab.sertel.applicant.domain;

import java.util.Set;
import java.util.UUID;

/**
 * A registered regional system acting through its token: its client id ({@code sub}), the institutions and scopes its
 * token carries. What it may really do is decided from the registry as well (see the service layer), since a token can
 * be up to five minutes old.
 */
public record IntegrationActor(String clientId, Set<UUID> institutions, Set<String> scopes) {

    public IntegrationActor {
        institutions = Set.copyOf(institutions);
        scopes = Set.copyOf(scopes);
    }
}
