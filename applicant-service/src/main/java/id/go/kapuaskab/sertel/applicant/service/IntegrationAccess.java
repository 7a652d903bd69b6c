package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.IntegrationActor;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationClient;
import id.go.kapuaskab.sertel.applicant.repository.IntegrationClientRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What a regional system may do right now: its token's scope and institutions, narrowed by the registry (a token can be
 * up to five minutes old; narrowing a client retires its tokens, but this service does not wait for that). A client
 * that is unknown or disabled may do nothing.
 */
@ApplicationScoped
public class IntegrationAccess {

    /** The client as registered, and the institutions whose people it may see in this call. */
    public record Grant(IntegrationClient client, Set<UUID> institutions) {
    }

    private final IntegrationClientRepository clients;

    IntegrationAccess(IntegrationClientRepository clients) {
        this.clients = clients;
    }

    /** 403 {@code integration.scope-missing} when the token or the registry lacks {@code scope}; 403 for an unknown or disabled client. */
    @Transactional
    public Grant require(IntegrationActor actor, String scope) {
        IntegrationClient c = clients.findByIdOptional(actor.clientId())
                .filter(x -> x.status == IntegrationClient.Status.ACTIVE)
                .orElseThrow(() -> DomainException.forbidden("forbidden"));
        if (!actor.scopes().contains(scope) || !c.scopeSet().contains(scope)) {
            throw DomainException.forbidden("integration.scope-missing", scope);
        }
        Set<UUID> institutions = new LinkedHashSet<>(actor.institutions());
        institutions.retainAll(c.institutions);
        return new Grant(c, Set.copyOf(institutions));
    }
}
