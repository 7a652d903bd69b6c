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

/** Revocation on behalf of an approved REVOCATION request of renewal-service. */
@Path("/internal/certificates/{serial}/revocation")
@Tag(name = "internal: certificates")
@SecurityRequirement(name = "jwt")
public class InternalRevocationResource {

    private final RevocationService revocations;
    private final CurrentCaller callers;
    private final Clock clock;

    InternalRevocationResource(RevocationService revocations, CurrentCaller callers, Clock clock) {
        this.revocations = revocations;
        this.callers = callers;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Caller.RENEWAL_SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke (or, with reason certificateHold, suspend) a certificate", description = """
            `reason` is an RFC 5280 name. The CRL is re-signed before the answer. Revoking a revoked certificate is 409 \
            `certificate.already-revoked`, except a replay with the request id that revoked it, which answers 200 again.""")
    @APIResponse(responseCode = "200", description = "Revoked or suspended", content = @Content(schema = @Schema(implementation = Dtos.Summary.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not renewal-service")
    @APIResponse(responseCode = "404", description = "certificate.not-found")
    @APIResponse(responseCode = "409", description = "certificate.already-revoked, certificate.already-suspended, certificate.not-active")
    @APIResponse(responseCode = "422", description = "revocation.unknown-reason, revocation.invalidity-date-in-future")
    public Dtos.Summary revoke(@PathParam("serial") String serial, @NotNull @Valid Dtos.Revocation body) {
        return Dtos.Summary.of(revocations.revoke(callers.get(), InventoryService.normalise(serial), body.reason(),
                body.invalidityDate(), body.requestId()), clock);
    }
}
