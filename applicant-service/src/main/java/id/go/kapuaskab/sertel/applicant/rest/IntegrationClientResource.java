package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.rest.IntegrationClientRequests.Created;
import id.go.kapuaskab.sertel.applicant.rest.IntegrationClientRequests.Event;
import id.go.kapuaskab.sertel.applicant.rest.IntegrationClientRequests.KeyView;
import id.go.kapuaskab.sertel.applicant.rest.IntegrationClientRequests.NewSecret;
import id.go.kapuaskab.sertel.applicant.rest.IntegrationClientRequests.SecretView;
import id.go.kapuaskab.sertel.applicant.rest.IntegrationClientRequests.View;
import id.go.kapuaskab.sertel.applicant.service.IntegrationClients;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.RequiresSecondFactor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin's registry of regional systems (e-office, SIMPEG, portals) and their credentials. */
@Path("/api/v1/integrations/clients")
@Tag(name = "integration clients", description = "Regional systems an admin registers, their scopes and credentials")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.ADMIN)
@RequiresSecondFactor
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Not an admin, or no second factor in this session (`auth.step-up-required`) (problem+json)")
public class IntegrationClientResource {

    private static final String CLIENT = """
            {"id":"int-5f0c2a9e81d3b7c4e6a1","name":"e-Office Kabupaten Kapuas","ownerContact":"eoffice@kapuaskab.go.id",
             "institutionIds":["3f6c1f0e-8b7a-4d2e-9c1b-2a3b4c5d6e7f"],"scopes":["status:read","events:subscribe","documents:sign"],
             "authMethod":"client_secret","status":"ACTIVE","createdAt":"2026-12-04T01:00:00Z","updatedAt":"2026-12-04T01:00:00Z","version":0}""";

    private final IntegrationClients clients;
    private final Callers callers;

    IntegrationClientResource(IntegrationClients clients, Callers callers) {
        this.clients = clients;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a regional system", description = """
            The client id (`int-…`) is its OAuth client id. With `client_secret` the secret is in this answer only (stored \
            as SHA-256); with `private_key_jwt` give the PEM public key it signs its assertions with. Its tokens carry only \
            its scopes and institutions.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "e-office", value = """
            {"name":"e-Office Kabupaten Kapuas","ownerContact":"eoffice@kapuaskab.go.id",
             "institutionIds":["3f6c1f0e-8b7a-4d2e-9c1b-2a3b4c5d6e7f"],"scopes":["status:read","events:subscribe","documents:sign"]}""")))
    @APIResponse(responseCode = "201", description = "Registered; the secret is shown once", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "created", value = "{\"client\":" + CLIENT + ",\"clientSecret\":\"sertel_cs_R2x0…\","
                    + "\"secret\":{\"id\":\"8d1e…\",\"hint\":\"sertel_cs_R2x0…\",\"createdAt\":\"2026-12-04T01:00:00Z\"}}")))
    @APIResponse(responseCode = "422", description = "`validation`: unknown scope or institution, missing or unusable public key (problem+json)")
    public Response register(@Valid @NotNull IntegrationClientRequests.Registration body) {
        IntegrationClients.Registered r = clients.register(callers.current(), body.command());
        return Response.status(201).header("Cache-Control", "no-store")
                .entity(new Created(View.of(r.client()), r.secret(), r.secretRecord() == null ? null : SecretView.of(r.secretRecord()))).build();
    }

    @GET
    @Operation(summary = "Registered regional systems", description = "Newest first; never a secret.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "[" + CLIENT + "]")))
    public List<View> list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw DomainException.invalidField("size", "out-of-range", "size");
        }
        return clients.list(page, size).stream().map(View::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One regional system")
    @APIResponse(responseCode = "200", description = "The client", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "client", value = CLIENT)))
    @APIResponse(responseCode = "404", description = "`integration-client.not-found` (problem+json)")
    public View get(@PathParam("id") String id) {
        return View.of(clients.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change name, owner, institutions or scopes", description = """
            With the `version` last read (409 `conflict.stale-version` otherwise). Fewer scopes or institutions retire the \
            client's live tokens at once: every service refuses them within seconds.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "narrow", value = """
            {"name":"e-Office Kabupaten Kapuas","ownerContact":"eoffice@kapuaskab.go.id",
             "institutionIds":["3f6c1f0e-8b7a-4d2e-9c1b-2a3b4c5d6e7f"],"scopes":["status:read"],"version":0}""")))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "client", value = CLIENT)))
    @APIResponse(responseCode = "404", description = "`integration-client.not-found` (problem+json)")
    @APIResponse(responseCode = "409", description = "`conflict.stale-version` (problem+json)")
    public View change(@PathParam("id") String id, @Valid @NotNull IntegrationClientRequests.Change body) {
        return View.of(clients.change(callers.current(), id, body.command()));
    }

    @GET
    @Path("/{id}/secrets")
    @Operation(summary = "The client's secrets", description = "Hints and lifetimes only.")
    @APIResponse(responseCode = "200", description = "Secrets", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "secrets", value = """
                    [{"id":"8d1e…","hint":"sertel_cs_R2x0…","createdAt":"2026-12-04T01:00:00Z","expiresAt":null,"revokedAt":null}]""")))
    public List<SecretView> secrets(@PathParam("id") String id) {
        return clients.secretsOf(id).stream().map(SecretView::of).toList();
    }

    @POST
    @Path("/{id}/secrets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rotate the client secret", description = """
            A new secret, shown once. The previous ones keep working for `overlapHours` (default 24, at most 168; 0 ends \
            them now), so the regional system can switch without downtime.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "a day", value = "{\"overlapHours\":24}")))
    @APIResponse(responseCode = "201", description = "The new secret", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "new", value = """
                    {"clientSecret":"sertel_cs_9Qe1…","secret":{"id":"2c7a…","hint":"sertel_cs_9Qe1…","createdAt":"2026-12-05T01:00:00Z"}}""")))
    @APIResponse(responseCode = "409", description = "`integration-client.wrong-auth-method` (problem+json)")
    public Response rotate(@PathParam("id") String id, @Valid IntegrationClientRequests.Rotation body) {
        int hours = body == null || body.overlapHours() == null ? 24 : body.overlapHours();
        IntegrationClients.Registered r = clients.rotateSecret(callers.current(), id, Duration.ofHours(hours));
        return Response.status(201).header("Cache-Control", "no-store").entity(new NewSecret(r.secret(), SecretView.of(r.secretRecord()))).build();
    }

    @DELETE
    @Path("/{id}/secrets/{secretId}")
    @Operation(summary = "Revoke a secret now", description = "For a leaked secret: it stops working at once and the client's live tokens are retired.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "`integration-client.secret-not-found` (problem+json)")
    public Response revokeSecret(@PathParam("id") String id, @PathParam("secretId") UUID secretId) {
        clients.revokeSecret(callers.current(), id, secretId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/keys")
    @Operation(summary = "The client's public keys (private_key_jwt)")
    @APIResponse(responseCode = "200", description = "Keys", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "keys", value = "[{\"id\":\"1b2c…\",\"kid\":\"simpeg-2026\",\"algorithm\":\"ES256\",\"createdAt\":\"2026-12-04T01:00:00Z\"}]")))
    public List<KeyView> keys(@PathParam("id") String id) {
        return clients.keysOf(id).stream().map(KeyView::of).toList();
    }

    @POST
    @Path("/{id}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a public key (private_key_jwt)", description = "For a key rotation: add the new key, then revoke the old one.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "key", value = """
            {"publicKeyPem":"-----BEGIN PUBLIC KEY-----\\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…\\n-----END PUBLIC KEY-----\\n","kid":"simpeg-2027"}""")))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "key", value = "{\"id\":\"1b2c…\",\"kid\":\"simpeg-2027\",\"algorithm\":\"ES256\",\"createdAt\":\"2026-12-04T01:00:00Z\"}")))
    @APIResponse(responseCode = "409", description = "`integration-client.wrong-auth-method`, `integration-client.key-id-taken` (problem+json)")
    @APIResponse(responseCode = "422", description = "`validation`: not a PEM public key, or not EC P-256 / RSA ≥ 2048 (problem+json)")
    public Response addKey(@PathParam("id") String id, @Valid @NotNull IntegrationClientRequests.NewKey body) {
        return Response.status(201).entity(KeyView.of(clients.addKey(callers.current(), id, body.publicKeyPem(), body.kid()))).build();
    }

    @DELETE
    @Path("/{id}/keys/{keyId}")
    @Operation(summary = "Revoke a public key", description = "Assertions signed with it are refused at once; live tokens are retired.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "`integration-client.key-not-found` (problem+json)")
    public Response revokeKey(@PathParam("id") String id, @PathParam("keyId") UUID keyId) {
        clients.revokeKey(callers.current(), id, keyId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Disable", description = "No more tokens; the live ones are refused by every service within seconds.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "why", value = "{\"reason\":\"Kontrak berakhir\"}")))
    @APIResponse(responseCode = "200", description = "Disabled", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "client", value = CLIENT)))
    @APIResponse(responseCode = "409", description = "`integration-client.already-disabled` (problem+json)")
    public View disable(@PathParam("id") String id, @Valid @NotNull AccountRequests.Reason body) {
        return View.of(clients.disable(callers.current(), id, body.reason()));
    }

    @POST
    @Path("/{id}/enable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enable again")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "why", value = "{\"reason\":\"Kontrak diperpanjang\"}")))
    @APIResponse(responseCode = "200", description = "Enabled", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "client", value = CLIENT)))
    @APIResponse(responseCode = "409", description = "`integration-client.already-active` (problem+json)")
    public View enable(@PathParam("id") String id, @Valid @NotNull AccountRequests.Reason body) {
        return View.of(clients.enable(callers.current(), id, body.reason()));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "What happened to the client", description = "Registration, changes, secrets, keys, tokens issued and refused; newest first.")
    @APIResponse(responseCode = "200", description = "Events", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "events", value = """
                    [{"at":"2026-12-04T01:05:00Z","action":"TOKEN_ISSUED","actorId":null,"detail":"client_secret (sertel_cs_R2x0…)"}]""")))
    public List<Event> history(@PathParam("id") String id, @QueryParam("page") @DefaultValue("0") int page,
                               @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw DomainException.invalidField("size", "out-of-range", "size");
        }
        return clients.history(id, page, size).stream().map(Event::of).toList();
    }
}
