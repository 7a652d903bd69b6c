package id.go.kapuaskab.sertel.signing.rest;

import id.go.kapuaskab.sertel.signing.domain.SigningKey;
import id.go.kapuaskab.sertel.signing.service.KeyCustodyService;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Key custody for the renewal workflow: only renewal-service may create keys and bind their certificates. */
@Path("/internal/signing-keys")
@Tag(name = "internal: signing keys", description = "Service to service (RENEWAL_SERVICE); the gateway never routes here")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalKeyResource {

    private final KeyCustodyService custody;
    private final CurrentCaller caller;

    InternalKeyResource(KeyCustodyService custody, CurrentCaller caller) {
        this.custody = custody;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Caller.RENEWAL_SERVICE)
    @Operation(summary = "Create a key kept for a holder and get its CSR", description = """
            signing-service generates the key, stores it only wrapped under the holder's passphrase (Argon2id + AES-256-GCM) \
            and answers a PKCS#10 CSR signed by the key and naming the holder's e-mail (subjectAltName), for the CA. The request id is the idempotency key: a replay with the \
            same holder, institution, key type and passphrase answers 200 with the same key id and CSR; anything else under \
            that id is 409 `signing-key.request-id-conflict`.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = Dtos.CreateKey.class), examples = @ExampleObject(name = "create",
            value = """
                    {"requestId":"7f3c2a8e-1d4b-4c55-9a61-2b0f8e7d6c11","holderId":"2b7e9c4a-5f1d-4e3a-8c6b-9d0e1f2a3b4c",
                     "institutionId":"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f","email":"budi@kapuaskab.go.id",
                     "passphrase":"kata sandi panjang sekali","keyType":"EC_P256"}""")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = Dtos.CreatedKey.class),
            examples = @ExampleObject(name = "created", value = """
                    {"keyId":"5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9","csr":"-----BEGIN CERTIFICATE REQUEST-----\\nMIIB…\\n-----END CERTIFICATE REQUEST-----\\n"}""")))
    @APIResponse(responseCode = "200", description = "Replay of the same request: the same key and CSR")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not RENEWAL_SERVICE")
    @APIResponse(responseCode = "409", description = "signing-key.request-id-conflict")
    @APIResponse(responseCode = "422", description = "validation, signing-key.passphrase-too-short, signing-key.key-type-not-allowed")
    public Response create(@Valid @NotNull Dtos.CreateKey body) {
        KeyCustodyService.Created created = custody.create(caller.get(), body.requestId(), body.holderId(), body.institutionId(),
                body.email(), body.passphrase().toCharArray(), body.keyType());
        return Response.status(created.created() ? 201 : 200).entity(Dtos.CreatedKey.of(created.key())).build();
    }

    @POST
    @Path("/{keyId}/certificate")
    @RolesAllowed(Caller.RENEWAL_SERVICE)
    @Operation(summary = "Bind the certificate the CA issued for a key", description = """
            The certificate must certify exactly this key's public key and be signed by the first certificate of the chain. \
            Binding the same certificate again answers 200; another certificate for a bound key is 409.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = Dtos.BindCertificate.class), examples = @ExampleObject(name = "bind",
            value = """
                    {"certificatePem":"-----BEGIN CERTIFICATE-----\\nMIIC…\\n-----END CERTIFICATE-----\\n",
                     "chainPem":"-----BEGIN CERTIFICATE-----\\n(issuing CA)…\\n-----END CERTIFICATE-----\\n-----BEGIN CERTIFICATE-----\\n(root)…\\n-----END CERTIFICATE-----\\n"}""")))
    @APIResponse(responseCode = "200", description = "Bound; the key is ACTIVE", content = @Content(schema = @Schema(implementation = Dtos.KeyView.class),
            examples = @ExampleObject(name = "bound", value = """
                    {"id":"5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9","status":"ACTIVE","keyType":"EC_P256","certificateSerial":"4f1e…","failedAttempts":0}""")))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not RENEWAL_SERVICE")
    @APIResponse(responseCode = "404", description = "signing-key.not-found")
    @APIResponse(responseCode = "409", description = "signing-key.already-certified")
    @APIResponse(responseCode = "422", description = "signing-key.certificate-mismatch, signing-key.certificate-malformed, signing-key.chain-mismatch")
    public Dtos.KeyView bind(@PathParam("keyId") UUID keyId, @Valid @NotNull Dtos.BindCertificate body) {
        SigningKey k = custody.bindCertificate(caller.get(), keyId, body.certificatePem(), body.chainPem());
        return Dtos.KeyView.of(k, null);
    }
}
