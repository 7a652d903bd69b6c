package id.go.kapuaskab.sertel.certificate.rest;

import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import id.go.kapuaskab.sertel.certificate.service.InventoryService;
import id.go.kapuaskab.sertel.certificate.service.RevocationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** An admin's direct hand on a certificate's status: revoke, suspend, resume. Every change re-signs the CRL. */
@Path("/api/v1/certificates/{serial}")
@Tag(name = "certificates")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class CertificateAdminResource {

    private final RevocationService revocations;
    private final CurrentCaller callers;
    private final Clock clock;

    CertificateAdminResource(RevocationService revocations, CurrentCaller callers, Clock clock) {
        this.revocations = revocations;
        this.callers = callers;
        this.clock = clock;
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke with an RFC 5280 reason and an optional invalidity date (admin)", description = """
            Final: the certificate is on the next CRL (re-signed at once) and OCSP answers revoked. `reason` is an RFC 5280 \
            name (keyCompromise, affiliationChanged, superseded, cessationOfOperation, …; certificateHold suspends, as \
            suspend does); a repeated call with the same `requestId` answers the same; `invalidityDate`, when the key was known compromised, may not lie in the future. Needs a second factor \
            in this login session (auth.step-up-required otherwise).""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "key compromise", value = OpenApiExamples.REVOCATION)))
    @APIResponse(responseCode = "200", description = "Revoked", content = @Content(schema = @Schema(implementation = Dtos.View.class),
            examples = @ExampleObject(name = "revoked", value = OpenApiExamples.REVOKED_VIEW)))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "certificate.not-found")
    @APIResponse(responseCode = "409", description = "certificate.already-revoked")
    @APIResponse(responseCode = "422", description = "revocation.unknown-reason, revocation.invalidity-date-in-future")
    public Dtos.View revoke(@PathParam("serial") String serial, @NotNull @Valid Dtos.Revocation body) {
        return Dtos.View.of(revocations.revoke(callers.get(), InventoryService.normalise(serial), body.reason(), body.invalidityDate(),
                body.requestId()), clock);
    }

    @POST
    @Path("/suspend")
    @Operation(summary = "Suspend (revoke with reason certificateHold) until resumed (admin)", description = """
            Temporary: the certificate is listed on the CRL with reason certificateHold and OCSP answers revoked until \
            resume. Only an ACTIVE certificate can be suspended. Needs a second factor in this login session.""")
    @APIResponse(responseCode = "200", description = "Suspended", content = @Content(schema = @Schema(implementation = Dtos.View.class),
            examples = @ExampleObject(name = "suspended", value = OpenApiExamples.SUSPENDED_VIEW)))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "certificate.not-found")
    @APIResponse(responseCode = "409", description = "certificate.already-suspended, certificate.already-revoked, certificate.not-active")
    public Dtos.View suspend(@PathParam("serial") String serial) {
        return Dtos.View.of(revocations.revoke(callers.get(), InventoryService.normalise(serial), "certificateHold", null, null), clock);
    }

    @POST
    @Path("/resume")
    @Operation(summary = "Release a suspension: the certificate is ACTIVE again and leaves the CRL (admin)", description = """
            Only a certificate suspended (certificateHold) can be resumed; the next CRL no longer lists it (RFC 5280 \
            removeFromCRL) and OCSP answers good again. Needs a second factor in this login session.""")
    @APIResponse(responseCode = "200", description = "Active again", content = @Content(schema = @Schema(implementation = Dtos.View.class),
            examples = @ExampleObject(name = "active again", value = OpenApiExamples.VIEW)))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "certificate.not-found")
    @APIResponse(responseCode = "409", description = "certificate.not-suspended")
    public Dtos.View resume(@PathParam("serial") String serial) {
        return Dtos.View.of(revocations.resume(callers.get(), InventoryService.normalise(serial)), clock);
    }
}
