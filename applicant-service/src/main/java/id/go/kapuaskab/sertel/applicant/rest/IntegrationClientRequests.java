package id.go.kapuaskab.sertel.applicant.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.go.kapuaskab.sertel.applicant.domain.ClientEvent;
import id.go.kapuaskab.sertel.applicant.domain.ClientKey;
import id.go.kapuaskab.sertel.applicant.domain.ClientSecret;
import id.go.kapuaskab.sertel.applicant.domain.IntegrationClient;
import id.go.kapuaskab.sertel.applicant.service.IntegrationClients;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the integration-client registry. */
final class IntegrationClientRequests {

    private IntegrationClientRequests() {
    }

    @Schema(name = "IntegrationClientRegistration", description = "A regional system to register")
    record Registration(@NotBlank @Size(max = 200) String name,
                        @Schema(description = "The owner's e-mail, told when something needs them") @NotBlank @Email @Size(max = 254) String ownerContact,
                        @Schema(description = "Institutions whose people it may see") @NotEmpty @Size(max = 100) List<@NotNull UUID> institutionIds,
                        @Schema(description = "status:read, events:subscribe, applicants:sync, documents:sign") @NotEmpty @Size(max = 4)
                        List<@NotBlank @Size(max = 40) String> scopes,
                        @Schema(description = "client_secret (default) or private_key_jwt") IntegrationClient.AuthMethod authMethod,
                        @Schema(description = "private_key_jwt: the PEM public key (EC P-256 or RSA ≥ 2048)") @Size(max = 8192) String publicKeyPem,
                        @Schema(description = "private_key_jwt: the key's kid (default: its SHA-256 thumbprint)") @Size(max = 100) String kid) {
        IntegrationClients.ClientCommand command() {
            return new IntegrationClients.ClientCommand(name, ownerContact, institutionIds, scopes, authMethod, publicKeyPem, kid, null);
        }
    }

    @Schema(name = "IntegrationClientChange", description = "Name, owner, institutions and scopes; narrowing them retires live tokens")
    record Change(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String ownerContact,
                  @NotEmpty @Size(max = 100) List<@NotNull UUID> institutionIds, @NotEmpty @Size(max = 4) List<@NotBlank @Size(max = 40) String> scopes,
                  @NotNull Integer version) {
        IntegrationClients.ClientCommand command() {
            return new IntegrationClients.ClientCommand(name, ownerContact, institutionIds, scopes, null, null, null, version);
        }
    }

    @Schema(name = "SecretRotation", description = "How long the previous secrets keep working (hours, 0–168, default 24)")
    record Rotation(@Min(0) @Max(168) Integer overlapHours) {
    }

    @Schema(name = "ClientKeyRegistration")
    record NewKey(@NotBlank @Size(max = 8192) String publicKeyPem, @Size(max = 100) String kid) {
    }

    @Schema(name = "IntegrationClient", description = "A registered regional system (never its secrets)")
    record View(String id, String name, String ownerContact, List<UUID> institutionIds, List<String> scopes,
                IntegrationClient.AuthMethod authMethod, IntegrationClient.Status status, OffsetDateTime createdAt,
                OffsetDateTime updatedAt, int version) {
        static View of(IntegrationClient c) {
            return new View(c.id, c.name, c.ownerContact, List.copyOf(c.institutions), List.copyOf(c.scopeSet()), c.authMethod, c.status,
                    utc(c.createdAt), utc(c.updatedAt), c.version);
        }
    }

    @Schema(name = "ClientSecretInfo", description = "A secret's hint and lifetime, never the secret")
    record SecretView(UUID id, String hint, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {
        static SecretView of(ClientSecret s) {
            return new SecretView(s.id, s.hint + "…", utc(s.createdAt), utc(s.expiresAt), utc(s.revokedAt));
        }
    }

    @Schema(name = "ClientKeyInfo")
    record KeyView(UUID id, String kid, String algorithm, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
        static KeyView of(ClientKey k) {
            return new KeyView(k.id, k.kid, k.algorithm, utc(k.createdAt), utc(k.revokedAt));
        }
    }

    @Schema(name = "IntegrationClientCreated", description = "The client and, only in this answer, its client secret")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Created(View client, @Schema(description = "Shown once; stored only as SHA-256") String clientSecret, SecretView secret) {
        @Override
        public String toString() {
            return "Created[client=" + client.id() + "]";
        }
    }

    @Schema(name = "ClientSecretCreated", description = "The new secret, only in this answer")
    record NewSecret(@Schema(description = "Shown once") String clientSecret, SecretView secret) {
        @Override
        public String toString() {
            return "NewSecret[" + secret.id() + "]";
        }
    }

    @Schema(name = "IntegrationClientEvent")
    record Event(OffsetDateTime at, String action, UUID actorId, String detail) {
        static Event of(ClientEvent e) {
            return new Event(utc(e.occurredAt), e.action, e.actorId, e.detail);
        }
    }

    static OffsetDateTime utc(java.time.Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
