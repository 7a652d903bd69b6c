package id.go.kapuaskab.sertel.renewal.rest;

import id.go.kapuaskab.sertel.renewal.service.ApplicantCommands;
import id.go.kapuaskab.sertel.renewal.service.Collection;
import id.go.kapuaskab.sertel.renewal.service.RequestQueries;
import id.go.kapuaskab.sertel.renewal.service.Submissions;
import id.go.kapuaskab.sertel.support.security.Caller;
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
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The applicant's commands on an own request: submit (SOP step 6), cancel, and collect a server-generated key. */
@Path("/api/v1/requests")
@Tag(name = "requests")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.APPLICANT)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Not an applicant (problem+json)")
@APIResponse(responseCode = "404", description = "request.not-found (also for another applicant's request)")
public class ApplicantActionsResource {

    private final Submissions submissions;
    private final ApplicantCommands commands;
    private final Collection collection;
    private final RequestQueries queries;
    private final JsonWebToken jwt;
    private final OptionalReason reasons;

    ApplicantActionsResource(Submissions submissions, ApplicantCommands commands, Collection collection, RequestQueries queries,
                             JsonWebToken jwt, OptionalReason reasons) {
        this.reasons = reasons;
        this.submissions = submissions;
        this.commands = commands;
        this.collection = collection;
        this.queries = queries;
        this.jwt = jwt;
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "Submit (SOP step 6)", description = """
            DRAFT or RETURNED → SUBMITTED. Checks every guard again against current data: active applicant; for a renewal the \
            current data version confirmed and no data change open; the certificate guard; a CSR the CA accepts (a key \
            already certified is refused with the CA's `csr.key-reused`). Freezes the subject snapshot.""")
    @APIResponse(responseCode = "200", description = "Submitted")
    @APIResponse(responseCode = "409", description = "request.invalid-transition (currentState), request.data-change-open")
    @APIResponse(responseCode = "422", description = "A guard failed, or the CA refuses the CSR (csr.*)")
    @APIResponse(responseCode = "503", description = "applicant-service or the CA cannot be reached")
    public RequestView submit(@PathParam("id") UUID id) {
        return RequestView.of(submissions.submit(Caller.of(jwt), id), queries);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel", description = "Any non-terminal state except ISSUING (the CA may already have signed) → CANCELLED. Body optional.")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "409", description = "request.invalid-transition (currentState)")
    public RequestView cancel(@PathParam("id") UUID id,
                              @RequestBody(required = false, description = "Optional: {\"reason\": \"…\"}",
                                      content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                              schema = @Schema(implementation = Bodies.Reason.class))) byte[] body)
            throws java.io.IOException {
        return RequestView.of(commands.cancel(Caller.of(jwt), id, reasons.read(body)), queries);
    }

    /** The certificate and the one copy of its key. */
    @Schema(name = "CollectedCertificate")
    public record Certificate(String serial, OffsetDateTime notBefore, OffsetDateTime notAfter, String certificatePem, String chainPem,
                              @Schema(description = "base64 PKCS#12 protected by your passphrase; given only in this answer") String pkcs12) {
    }

    /** The answer to a collection. */
    @Schema(name = "Collected")
    public record Collected(RequestView request, Certificate certificate) {
    }

    @POST
    @Path("/{id}/collect")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Collect a server-generated key", description = """
            For an APPROVED request with `keyGeneration`: the CA generates the key and signs (APPROVED → ISSUING → COMPLETED) \
            and the PKCS#12, protected by the passphrase, is in this answer only. The passphrase is never stored. If the CA \
            cannot be reached the answer is 503 and the request stays APPROVED; a refused passphrase (keygen.*) leaves it APPROVED too.""")
    @APIResponse(responseCode = "200", description = "The certificate and its PKCS#12")
    @APIResponse(responseCode = "409", description = "request.invalid-transition, request.not-collectable, request.key-lost")
    @APIResponse(responseCode = "422", description = "keygen.passphrase-too-short, keygen.passphrase-personal-data, …")
    @APIResponse(responseCode = "503", description = "request.ca-unavailable: try again, nothing was lost")
    public Response collect(@PathParam("id") UUID id, @NotNull @Valid Bodies.Collect body) {
        Collection.Collected c = collection.collect(Caller.of(jwt), id, body.passphrase());
        var i = c.issued();
        return Response.ok(new Collected(RequestView.of(c.request(), queries), new Certificate(i.serial(), Times.of(i.notBefore()),
                Times.of(i.notAfter()), i.certificatePem(), i.chainPem(), i.pkcs12()))).header("Cache-Control", "no-store").build();
    }
}
