package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.domain.IntegrationAudit;
import id.go.kapuaskab.sertel.applicant.service.IntegrationAuditLog;
import id.go.kapuaskab.sertel.applicant.service.StatusLookups;
import id.go.kapuaskab.sertel.support.security.RequiresSecondFactor;
import id.go.kapuaskab.sertel.support.web.RequestIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.MDC;

/** Regional systems ask whether people hold a valid certificate; admins read who asked about whom. */
@Path("/api/v1/integrations/status-lookups")
@Tag(name = "integration: status lookups", description = "Does this civil servant hold a valid certificate? (scope status:read)")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
public class StatusLookupResource {

    private static final String RESULTS = """
            {"results":[
             {"index":0,"found":true,"holderId":"e530e18e-8872-4fcb-ac74-8d2632b63c5b","activeCertificate":true,
              "certificate":{"serial":"f7ad60f85aa519f05d562e5184486299","status":"ACTIVE","notBefore":"2026-11-24T03:00:00Z","notAfter":"2028-11-24T03:00:00Z"},
              "renewalOpen":false,"openRequests":[]},
             {"index":1,"found":true,"holderId":"0b7f9c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b","activeCertificate":false,
              "certificate":{"serial":"ab605663310d82f5fb79141f7def3a27","status":"EXPIRED","notBefore":"2024-11-01T02:00:00Z","notAfter":"2026-11-01T02:00:00Z"},
              "renewalOpen":true,"openRequests":[{"type":"RENEWAL","state":"IN_REVIEW"}]},
             {"index":2,"found":false,"holderId":null,"activeCertificate":null,"certificate":null,"renewalOpen":null,"openRequests":null}]}""";

    private final StatusLookups lookups;
    private final IntegrationAuditLog audit;
    private final Callers callers;

    StatusLookupResource(StatusLookups lookups, IntegrationAuditLog audit, Callers callers) {
        this.lookups = lookups;
        this.audit = audit;
        this.callers = callers;
    }

    @POST
    @RolesAllowed(Roles.INTEGRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Look up up to 100 people by NIK or NIP", description = """
            Per person, in the order asked: whether they hold an ACTIVE certificate, its serial and validity (else the newest \
            certificate they had, so "expired" can be told from "never had one"), and whether a renewal is under way. Only \
            people of the client's institutions are found; anyone else, registered or not, answers `"found": false` and \
            nothing more. The numbers go in the body only, never in a URL. Every person asked about is recorded with what \
            was answered; admins read the record (`GET`). 503 `integration.peer-unavailable` (with `Retry-After`) when the \
            certificate or workflow service does not answer.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "three people", value = """
            {"people":[{"nip":"199008122015031003"},{"nik":"6203015208900001"},{"nip":"198501012010011002"}]}""")))
    @APIResponse(responseCode = "200", description = "One result per person", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IntegrationRequests.LookupAnswer.class), examples = @ExampleObject(name = "results", value = RESULTS)))
    @APIResponse(responseCode = "403", description = "Not a regional system, or without the scope `status:read` (`integration.scope-missing`) (problem+json)")
    @APIResponse(responseCode = "422", description = "`validation`: no people, more than 100, a malformed number, or not exactly one of `nik` and `nip` (problem+json)")
    @APIResponse(responseCode = "503", description = "`integration.peer-unavailable`: try again after `Retry-After` seconds (problem+json)")
    public IntegrationRequests.LookupAnswer lookup(@NotNull @Valid IntegrationRequests.Lookup body) {
        return new IntegrationRequests.LookupAnswer(lookups.lookup(callers.integration(), body.keys(), requestId()));
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @RequiresSecondFactor
    @Operation(summary = "Who looked up whom", description = """
            The record of status lookups (UU 27/2022 PDP), newest first: per person asked about, the client, when, the \
            applicant when the number is registered (also when the client was told "not found"), the number masked, and \
            what was answered. `from`/`to` (ISO-8601 instants) default to the last 30 days.""")
    @APIResponse(responseCode = "200", description = "A page of the record", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IntegrationRequests.AuditEntry[].class), examples = @ExampleObject(name = "entries", value = """
            [{"at":"2026-12-05T02:10:00Z","clientId":"int-5f0c2a9e81d3b7c4e6a1","operation":"STATUS_LOOKUP","batchId":"6b0e…","index":0,
              "applicantId":"e530e18e-8872-4fcb-ac74-8d2632b63c5b","person":"NIP **************1003","outcome":"FOUND",
              "detail":"certificate f7ad60f85aa519f05d562e5184486299 ACTIVE until 2028-11-24T03:00:00Z; renewal open: false; open requests: []",
              "requestId":"0f3c…"}]""")))
    @APIResponse(responseCode = "403", description = "Not an admin, or no second factor in this session (`auth.step-up-required`) (problem+json)")
    @APIResponse(responseCode = "422", description = "`validation`: `from` not before `to`, or a page out of range (problem+json)")
    public List<IntegrationRequests.AuditEntry> record(
            @Parameter(description = "Only this client (`int-…`)") @QueryParam("clientId") String clientId,
            @Parameter(description = "From (inclusive), ISO-8601 instant") @QueryParam("from") Instant from,
            @Parameter(description = "To (exclusive), ISO-8601 instant") @QueryParam("to") Instant to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return audit.read(List.of(IntegrationAudit.Operation.STATUS_LOOKUP), clientId, from, to, page, size).stream()
                .map(IntegrationRequests.AuditEntry::of).toList();
    }

    static String requestId() {
        Object id = MDC.get(RequestIds.MDC_KEY);
        return id == null ? null : id.toString();
    }
}
