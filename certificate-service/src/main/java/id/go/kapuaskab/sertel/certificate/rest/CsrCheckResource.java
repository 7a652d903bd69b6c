package id.go.kapuaskab.sertel.certificate.rest;

import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import id.go.kapuaskab.sertel.certificate.service.IssuanceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets renewal-service check a CSR when the applicant submits, long before anything is signed. */
@Path("/internal/csr-checks")
@Tag(name = "internal: issuance")
@SecurityRequirement(name = "jwt")
public class CsrCheckResource {

    private final IssuanceService issuance;
    private final CurrentCaller callers;

    CsrCheckResource(IssuanceService issuance, CurrentCaller callers) {
        this.issuance = issuance;
        this.callers = callers;
    }

    @POST
    @RolesAllowed(Caller.RENEWAL_SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a CSR without issuing", description = "204 when the CSR would be accepted, else the problem the issue call would give.")
    @APIResponse(responseCode = "204", description = "Acceptable")
    @APIResponse(responseCode = "400", description = "csr.malformed (problem+json)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not renewal-service")
    @APIResponse(responseCode = "422", description = "csr.* or issuance.unknown-profile (problem+json)")
    public Response check(@NotNull @Valid Dtos.CsrCheck body) {
        issuance.checkCsr(callers.get(), body.csr(), body.profile(), body.email());
        return Response.noContent().build();
    }
}
