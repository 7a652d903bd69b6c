package id.go.kapuaskab.sertel.renewal.rest;

import id.go.kapuaskab.sertel.renewal.service.ApplicantCommands;
import id.go.kapuaskab.sertel.renewal.service.Collection;
import id.go.kapuaskab.sertel.renewal.service.RequestQueries;
import id.go.kapuaskab.sertel.renewal.service.Submissions;
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
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
    private final CurrentCaller callers;
    private final OptionalReason reasons;

    ApplicantActionsResource(Submissions submissions, ApplicantCommands commands, Collection collection, RequestQueries queries,
                             CurrentCaller callers, OptionalReason reasons) {
        this.reasons = reasons;
        this.submissions = submissions;
        this.commands = commands;
        this.collection = collection;
        this.queries = queries;
        this.callers = callers;
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
        return RequestView.of(submissions.submit(callers.get(), id), queries);
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
        return RequestView.of(commands.cancel(callers.get(), id, reasons.read(body)), queries);
    }

    /** The certificate and the one copy of its key, or the id of the key kept for signing. */
    @Schema(name = "CollectedCertificate")
    public record Certificate(String serial, OffsetDateTime notBefore, OffsetDateTime notAfter, String certificatePem, String chainPem,
                              @Schema(description = "DELIVERED: base64 PKCS#12 protected by your passphrase; given only in this answer") String pkcs12,
                              @Schema(description = "KEPT: the key signing-service keeps for you; sign with it and your passphrase") UUID signingKeyId) {
    }

    /** The answer to a collection. */
    @Schema(name = "Collected")
    public record Collected(RequestView request, Certificate certificate) {
    }

    @POST
    @Path("/{id}/collect")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Collect a server-generated key", description = """
            For an APPROVED request with `keyGeneration` (APPROVED → ISSUING → COMPLETED). `DELIVERED`: the CA generates the \
            key and signs, and the PKCS#12, protected by the passphrase, is in this answer only. `KEPT`: signing-service \
            generates the key and keeps it wrapped under the passphrase, the CA certifies it, and the answer names the key \
            (`signingKeyId`); sign documents with it and the same passphrase. The passphrase is never stored. If the CA or \
            signing-service cannot be reached the answer is 503 and the request stays APPROVED; a refused passphrase leaves \
            it APPROVED too. A KEPT collection that failed half-way is completed by trying again with the same passphrase.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Bodies.Collect.class),
            examples = @ExampleObject(name = "collect", value = "{\"passphrase\": \"Kapuas-Sertel-2026!\"}")))
    @APIResponse(responseCode = "200", description = "The certificate and its PKCS#12 (DELIVERED) or the kept key's id (KEPT)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Collected.class), examples = {
                    @ExampleObject(name = "kept", value = """
                            {"request":{"id":"0b5f…","type":"RENEWAL","state":"COMPLETED","keyGeneration":true,"keyCustody":"KEPT",\
                            "signingKeyId":"5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9","issuedSerial":"4f1e…"},\
                            "certificate":{"serial":"4f1e…","notBefore":"2026-12-04T01:00:00Z","notAfter":"2027-12-04T01:00:00Z",\
                            "certificatePem":"-----BEGIN CERTIFICATE-----\\n…","chainPem":"-----BEGIN CERTIFICATE-----\\n…",\
                            "pkcs12":null,"signingKeyId":"5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"}}""")}))
    @APIResponse(responseCode = "409", description = "request.invalid-transition, request.not-collectable, request.key-lost, signing-key.request-id-conflict (another passphrase than the first attempt's)")
    @APIResponse(responseCode = "422", description = "keygen.passphrase-too-short, keygen.passphrase-personal-data, signing-key.passphrase-too-short, …")
    @APIResponse(responseCode = "503", description = "request.ca-unavailable, request.signing-unavailable: try again, nothing was lost")
    public Response collect(@PathParam("id") UUID id, @NotNull @Valid Bodies.Collect body) {
        Collection.Collected c = collection.collect(callers.get(), id, body.passphrase());
        return Response.ok(new Collected(RequestView.of(c.request(), queries), new Certificate(c.serial(), Times.of(c.notBefore()),
                Times.of(c.notAfter()), c.certificatePem(), c.chainPem(), c.pkcs12(), c.signingKeyId()))).header("Cache-Control", "no-store").build();
    }
}
