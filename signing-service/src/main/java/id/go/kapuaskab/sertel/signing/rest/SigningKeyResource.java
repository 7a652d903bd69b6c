package id.go.kapuaskab.sertel.signing.rest;

import id.go.kapuaskab.sertel.signing.service.KeyManagementService;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Kept keys for people: holders see theirs and change the passphrase; verifiers and admins see and unlock. */
@Path("/api/v1/signing-keys")
@Tag(name = "signing keys", description = "Signing keys kept for holders, protected by their passphrase")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyResource {

    private static final String KEY_EXAMPLE = """
            {"id":"5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9","holderId":"2b7e9c4a-5f1d-4e3a-8c6b-9d0e1f2a3b4c",
             "institutionId":"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f","keyType":"EC_P256","status":"ACTIVE","failedAttempts":0,
             "lockedAt":null,"certificateSerial":"4f1e2d3c4b5a69788796a5b4c3d2e1f0","notBefore":"2026-12-01T00:00:00Z",
             "notAfter":"2028-12-01T00:00:00Z","createdAt":"2026-12-01T00:00:00Z","lastUnlock":null}""";

    private final KeyManagementService keys;
    private final CurrentCaller caller;

    SigningKeyResource(KeyManagementService keys, CurrentCaller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Caller.APPLICANT, Caller.VERIFIER, Caller.ADMIN})
    @Operation(summary = "List the signing keys the caller may see, newest first", description = """
            A holder (APPLICANT) gets their own keys; a verifier those of the institutions in the token's `inst`; an admin all. \
            No key material is ever shown; `lastUnlock` says who unlocked a key last, when and why.""")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(examples = @ExampleObject(name = "page",
            value = "{\"items\":[" + KEY_EXAMPLE + "],\"page\":0,\"size\":20}")))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a person's role")
    @APIResponse(responseCode = "422", description = "validation: page or size out of range")
    public Dtos.Page<Dtos.KeyView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var items = keys.list(caller.get(), page, size).stream().map(k -> Dtos.KeyView.of(k, keys.lastUnlock(k.id))).toList();
        return new Dtos.Page<>(items, page, size);
    }

    @POST
    @Path("/{id}/passphrase")
    @RolesAllowed(Caller.APPLICANT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the passphrase of one's own key", description = """
            The old passphrase must open the key (a wrong one counts toward the lock like any wrong passphrase); the key is then \
            re-wrapped under the new one with a new salt. Nobody else can change or learn it.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "change",
            value = "{\"oldPassphrase\":\"kata sandi panjang sekali\",\"newPassphrase\":\"kata sandi yang baru dan panjang\"}")))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(examples = @ExampleObject(name = "key", value = KEY_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "forbidden (not APPLICANT), signing-key.not-yours")
    @APIResponse(responseCode = "404", description = "signing-key.not-found")
    @APIResponse(responseCode = "409", description = "signing-key.locked, signing-key.locked-now")
    @APIResponse(responseCode = "422", description = "signing-key.passphrase-wrong (with attemptsLeft), signing-key.passphrase-too-short")
    public Dtos.KeyView changePassphrase(@PathParam("id") UUID id, @Valid @NotNull Dtos.ChangePassphrase body) {
        return Dtos.KeyView.of(keys.changePassphrase(caller.get(), id, body.oldPassphrase().toCharArray(),
                body.newPassphrase().toCharArray()), null);
    }

    @POST
    @Path("/{id}/unlock")
    @RolesAllowed({Caller.VERIFIER, Caller.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unlock a key that wrong passphrases locked", description = """
            The verifier-approved way back for a holder: a verifier of the holder's institution (or an admin), logged in with a \
            second factor (`amr` contains `otp`, else 403 `auth.step-up-required`), gives a reason; who, when and why are \
            recorded. The passphrase is unchanged: the holder still needs it.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "unlock",
            value = "{\"reason\":\"Pemohon datang langsung dengan KTP; dikonfirmasi lewat telepon ke instansi\"}")))
    @APIResponse(responseCode = "200", description = "Unlocked", content = @Content(examples = @ExampleObject(name = "key", value = KEY_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "auth.step-up-required, signing-key.other-institution, signing-key.own-key, forbidden")
    @APIResponse(responseCode = "404", description = "signing-key.not-found")
    @APIResponse(responseCode = "409", description = "signing-key.not-locked")
    @APIResponse(responseCode = "422", description = "validation: reason missing")
    public Dtos.KeyView unlock(@PathParam("id") UUID id, @Valid @NotNull Dtos.UnlockKey body) {
        var k = keys.unlock(caller.get(), id, body.reason());
        return Dtos.KeyView.of(k, keys.lastUnlock(k.id));
    }
}
