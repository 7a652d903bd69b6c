package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.Actor;
import id.go.kapuaskab.sertel.applicant.domain.ClientEvent;
import id.go.kapuaskab.sertel.applicant.domain.ClientKey;
import id.go.kapuaskab.sertel.applicant.domain.ClientSecret;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationClient;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationScope;
import id.go.kapuaskab.sertel.applicant.repository.ClientEventRepository;
import id.go.kapuaskab.sertel.applicant.repository.ClientKeyRepository;
import id.go.kapuaskab.sertel.applicant.repository.ClientSecretRepository;
import id.go.kapuaskab.sertel.applicant.repository.InstitutionRepository;
import id.go.kapuaskab.sertel.applicant.repository.IntegrationClientRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The admin's registry of regional systems: registration, changes, secrets rotated with overlap, public keys for
 * {@code private_key_jwt}, disabling. Whatever narrows what a client's tokens say (disabled, fewer scopes or
 * institutions, a secret or key revoked) retires its live tokens at once. Every change is in the client's history.
 */
@ApplicationScoped
public class IntegrationClients {

    /** The longest a replaced secret keeps working. */
    static final Duration MAX_OVERLAP = Duration.ofDays(7);

    /** What a registration or rotation answers: the client and, once only, its new secret. */
    public record Registered(IntegrationClient client, String secret, ClientSecret secretRecord) {
        @Override
        public String toString() {
            return "Registered[client=" + client.id + "]";
        }
    }

    /** What an admin fills in; {@code version} only on a change. */
    public record ClientCommand(String name, String ownerContact, List<UUID> institutionIds, List<String> scopes,
                                IntegrationClient.AuthMethod authMethod, String publicKeyPem, String kid, Integer version) {
    }

    private final IntegrationClientRepository clients;
    private final ClientSecretRepository secrets;
    private final ClientKeyRepository keys;
    private final ClientEventRepository events;
    private final InstitutionRepository institutions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    IntegrationClients(IntegrationClientRepository clients, ClientSecretRepository secrets, ClientKeyRepository keys,
                       ClientEventRepository events, InstitutionRepository institutions, Clock clock) {
        this.clients = clients;
        this.secrets = secrets;
        this.keys = keys;
        this.events = events;
        this.institutions = institutions;
        this.clock = clock;
    }

    @Transactional
    public Registered register(Actor admin, ClientCommand cmd) {
        Instant now = clock.instant();
        IntegrationClient c = new IntegrationClient();
        c.id = "int-" + randomId();
        c.name = cmd.name().strip();
        c.ownerContact = cmd.ownerContact().strip().toLowerCase(Locale.ROOT);
        c.scopes = String.join(" ", scopes(cmd.scopes()));
        c.institutions = institutions(cmd.institutionIds());
        c.authMethod = cmd.authMethod() == null ? IntegrationClient.AuthMethod.client_secret : cmd.authMethod();
        c.status = IntegrationClient.Status.ACTIVE;
        c.createdAt = now;
        c.createdBy = admin.id();
        c.updatedAt = now;
        clients.persist(c);
        events.record(c.id, now, ClientEvent.Action.REGISTERED, admin.id(), describe(c));
        if (c.authMethod == IntegrationClient.AuthMethod.private_key_jwt) {
            if (cmd.publicKeyPem() == null || cmd.publicKeyPem().isBlank()) {
                throw DomainException.invalidField("publicKeyPem", "required", "publicKeyPem");
            }
            addKey(admin, c, cmd.publicKeyPem(), cmd.kid(), now);
            return new Registered(c, null, null);
        }
        NewSecret s = newSecret(c, now);
        events.record(c.id, now, ClientEvent.Action.SECRET_CREATED, admin.id(), "secret " + s.record().hint + "…");
        return new Registered(c, s.value(), s.record());
    }

    @Transactional
    public IntegrationClient change(Actor admin, String id, ClientCommand cmd) {
        IntegrationClient c = lock(id);
        if (cmd.version() == null || cmd.version() != c.version) {
            throw DomainException.conflict("conflict.stale-version");
        }
        Set<String> newScopes = scopes(cmd.scopes());
        Set<UUID> newInstitutions = institutions(cmd.institutionIds());
        Instant now = clock.instant();
        boolean narrower = !newScopes.containsAll(c.scopeSet()) || !newInstitutions.containsAll(c.institutions);
        c.name = cmd.name().strip();
        c.ownerContact = cmd.ownerContact().strip().toLowerCase(Locale.ROOT);
        c.scopes = String.join(" ", newScopes);
        c.institutions.clear();
        c.institutions.addAll(newInstitutions);
        c.updatedAt = now;
        if (narrower || !Objects.equals(newScopes, c.scopeSet())) {
            c.retireTokens(now);                           // tokens carry scopes and institutions: issue new ones
        }
        events.record(c.id, now, ClientEvent.Action.CHANGED, admin.id(), describe(c));
        return c;
    }

    /** A new secret; the live ones keep working for {@code overlap} (at most 7 days; zero ends them now). */
    @Transactional
    public Registered rotateSecret(Actor admin, String id, Duration overlap) {
        IntegrationClient c = lock(id);
        if (c.authMethod != IntegrationClient.AuthMethod.client_secret) {
            throw DomainException.conflict("integration-client.wrong-auth-method", c.authMethod.name());
        }
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw DomainException.invalidField("overlapHours", "out-of-range", "overlapHours");
        }
        Instant now = clock.instant();
        secrets.expireLiveOnes(c.id, now.plus(overlap));
        NewSecret s = newSecret(c, now);
        events.record(c.id, now, ClientEvent.Action.SECRET_CREATED, admin.id(),
                "secret " + s.record().hint + "…; the previous ones work until " + now.plus(overlap));
        return new Registered(c, s.value(), s.record());
    }

    /** Revokes one secret now; tokens already issued are retired too (a leaked secret may have made them). */
    @Transactional
    public void revokeSecret(Actor admin, String id, UUID secretId) {
        IntegrationClient c = lock(id);
        ClientSecret s = secrets.findByIdOptional(secretId).filter(x -> x.clientId.equals(c.id))
                .orElseThrow(() -> DomainException.notFound("integration-client.secret-not-found"));
        Instant now = clock.instant();
        if (s.revokedAt == null) {
            s.revokedAt = now;
            c.retireTokens(now);
            events.record(c.id, now, ClientEvent.Action.SECRET_REVOKED, admin.id(), "secret " + s.hint + "…");
        }
    }

    @Transactional
    public ClientKey addKey(Actor admin, String id, String publicKeyPem, String kid) {
        IntegrationClient c = lock(id);
        if (c.authMethod != IntegrationClient.AuthMethod.private_key_jwt) {
            throw DomainException.conflict("integration-client.wrong-auth-method", c.authMethod.name());
        }
        return addKey(admin, c, publicKeyPem, kid, clock.instant());
    }

    @Transactional
    public void revokeKey(Actor admin, String id, UUID keyId) {
        IntegrationClient c = lock(id);
        ClientKey k = keys.findByIdOptional(keyId).filter(x -> x.clientId.equals(c.id))
                .orElseThrow(() -> DomainException.notFound("integration-client.key-not-found"));
        Instant now = clock.instant();
        if (k.revokedAt == null) {
            k.revokedAt = now;
            c.retireTokens(now);
            events.record(c.id, now, ClientEvent.Action.KEY_REVOKED, admin.id(), "key " + k.kid);
        }
    }

    @Transactional
    public IntegrationClient disable(Actor admin, String id, String reason) {
        IntegrationClient c = lock(id);
        Instant now = clock.instant();
        if (c.status == IntegrationClient.Status.DISABLED) {
            throw DomainException.conflict("integration-client.already-disabled");
        }
        c.status = IntegrationClient.Status.DISABLED;
        c.updatedAt = now;
        c.retireTokens(now);
        events.record(c.id, now, ClientEvent.Action.DISABLED, admin.id(), reason);
        return c;
    }

    @Transactional
    public IntegrationClient enable(Actor admin, String id, String reason) {
        IntegrationClient c = lock(id);
        if (c.status == IntegrationClient.Status.ACTIVE) {
            throw DomainException.conflict("integration-client.already-active");
        }
        Instant now = clock.instant();
        c.status = IntegrationClient.Status.ACTIVE;
        c.updatedAt = now;
        events.record(c.id, now, ClientEvent.Action.ENABLED, admin.id(), reason);
        return c;
    }

    @Transactional
    public IntegrationClient get(String id) {
        return clients.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("integration-client.not-found"));
    }

    @Transactional
    public List<IntegrationClient> list(int page, int size) {
        return clients.page(page, size);
    }

    @Transactional
    public List<ClientSecret> secretsOf(String id) {
        return secrets.ofClient(get(id).id);
    }

    @Transactional
    public List<ClientKey> keysOf(String id) {
        return keys.ofClient(get(id).id);
    }

    @Transactional
    public List<ClientEvent> history(String id, int page, int size) {
        return events.ofClient(get(id).id, page, size);
    }

    private ClientKey addKey(Actor admin, IntegrationClient c, String pem, String kid, Instant now) {
        ClientPublicKeys.Parsed parsed = ClientPublicKeys.parse(pem);
        ClientKey k = new ClientKey();
        k.id = UUID.randomUUID();
        k.clientId = c.id;
        k.kid = kid == null || kid.isBlank() ? parsed.thumbprint() : kid.strip();
        k.algorithm = parsed.algorithm();
        k.publicKey = parsed.spki();
        k.createdAt = now;
        if (keys.count("clientId = ?1 and kid = ?2", c.id, k.kid) > 0) {
            throw DomainException.conflict("integration-client.key-id-taken", k.kid);
        }
        keys.persist(k);
        events.record(c.id, now, ClientEvent.Action.KEY_ADDED, admin.id(), "key " + k.kid + " (" + k.algorithm + ")");
        return k;
    }

    private record NewSecret(String value, ClientSecret record) {
    }

    private NewSecret newSecret(IntegrationClient c, Instant now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = "sertel_cs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ClientSecret s = new ClientSecret();
        s.id = UUID.randomUUID();
        s.clientId = c.id;
        s.secretHash = RefreshTokens.hash(value);
        s.hint = value.substring(0, 14);
        s.createdAt = now;
        secrets.persist(s);
        return new NewSecret(value, s);
    }

    private IntegrationClient lock(String id) {
        return clients.lock(id).orElseThrow(() -> DomainException.notFound("integration-client.not-found"));
    }

    private static Set<String> scopes(List<String> requested) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : requested) {
            if (!IntegrationScope.ALL.contains(s)) {
                throw DomainException.invalidField("scopes", "unknown-scope", "scopes");
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            throw DomainException.invalidField("scopes", "required", "scopes");
        }
        return out;
    }

    private Set<UUID> institutions(List<UUID> ids) {
        Set<UUID> out = new LinkedHashSet<>(ids);
        if (out.isEmpty()) {
            throw DomainException.invalidField("institutionIds", "required", "institutionIds");
        }
        for (UUID id : out) {
            if (institutions.findByIdOptional(id).isEmpty()) {
                throw DomainException.invalidField("institutionIds", "unknown-institution", "institutionIds");
            }
        }
        return out;
    }

    private String randomId() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String describe(IntegrationClient c) {
        return "name " + c.name + "; scopes " + c.scopes + "; institutions " + c.institutions.size() + "; " + c.authMethod;
    }
}
