package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.domain.IntegrationAudit;
import id.go.kapuaskab.sertel.applicant.service.IntegrationAuditLog;
import id.go.kapuaskab.sertel.applicant.service.StaffSync;
import id.go.kapuaskab.sertel.support.problem.Messages;
import id.go.kapuaskab.sertel.support.security.RequiresSecondFactor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A staffing system (SIMPEG) sends its people; admins read what was sent and done. */
@Path("/api/v1/integrations/staff-sync")
@Tag(name = "integration: staff sync", description = "People from the staffing system (scope applicants:sync)")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
public class StaffSyncResource {

    private static final String REQUEST = """
            {"dryRun":false,"people":[
             {"eventId":"simpeg-mutasi-2026-000123","nip":"199008122015031003","nik":"6203011208900003","fullName":"Budi Santoso","email":"budi.santoso@kapuaskab.go.id",
              "position":"Sandiman Ahli Muda","employmentType":"PNS","institutionId":"3f6c1f0e-8b7a-4d2e-9c1b-2a3b4c5d6e7f",
              "workUnitId":"7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d","reason":"Kenaikan jabatan sesuai SK Bupati Kapuas No. 821/45/2026"},
             {"eventId":"simpeg-cpns-2026-000045","nip":"199203152019032007","nik":"6203015503920002","fullName":"Siti Rahmawati","email":"siti.rahmawati@kapuaskab.go.id",
              "phone":"0812-3456-7890","position":"Pranata Komputer Ahli Pertama","employmentType":"PNS",
              "institutionId":"3f6c1f0e-8b7a-4d2e-9c1b-2a3b4c5d6e7f","workUnitId":"7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d"},
             {"eventId":"simpeg-pensiun-2026-000017","nip":"196601011990031001","leaving":"RETIRED","reason":"SK BKN No. 00123/KEP/2026"},
             {"eventId":"simpeg-mutasi-2026-000124","nip":"198807072012121002","position":"Lurah",
              "institutionId":"9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"}]}""";

    private static final String ANSWER = """
            {"dryRun":false,"results":[
             {"index":0,"outcome":"DATA_CHANGE_SUBMITTED","applicantId":"e530e18e-8872-4fcb-ac74-8d2632b63c5b",
              "dataChangeId":"473f93c4-b480-47e0-9cd3-1ab4c5d36b9a","revocationRequestId":null,"changedFields":["position"],"problem":null,
              "replayed":false},
             {"index":1,"outcome":"REGISTERED","applicantId":"0b7f9c1e-2d3a-4e5f-8a9b-0c1d2e3f4a5b","dataChangeId":null,
              "revocationRequestId":null,"changedFields":[],"problem":null,"replayed":false},
             {"index":2,"outcome":"REVOCATION_REQUESTED","applicantId":"5d2f0a9e-7c1b-4e3a-9f8d-6b5c4a3e2d1f","dataChangeId":null,
              "revocationRequestId":"8c1b7a52-3e0f-3c55-9a41-6d2b8e0f1a77","changedFields":[],"problem":null,"replayed":false},
             {"index":3,"outcome":"REFUSED","applicantId":null,"dataChangeId":null,"revocationRequestId":null,"changedFields":[],
              "problem":{"type":"https://sertel.kapuaskab.go.id/problems/staff-sync.institution-not-allowed","title":"Instansi di luar cakupan",
               "status":403,"detail":"Sistem daerah ini tidak melayani instansi orang tersebut.","code":"staff-sync.institution-not-allowed"},"replayed":false}]}""";

    private final StaffSync sync;
    private final IntegrationAuditLog audit;
    private final Callers callers;

    StaffSyncResource(StaffSync sync, IntegrationAuditLog audit, Callers callers) {
        this.sync = sync;
        this.audit = audit;
        this.callers = callers;
    }

    @POST
    @RolesAllowed(Roles.INTEGRATION)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send up to 100 people from the staffing system", description = """
            Each change carries the staffing system's `eventId` and names the person by NIP; each in a transaction of its \
            own, with a result of its own (the batch is not all-or-nothing). Idempotent by `eventId`: an event already \
            applied answers its first result with `replayed: true` and changes nothing, also when the record changed since \
            (an old event replayed after a verifier's decision does not propose the old values again); the same `eventId` \
            with other content is refused (`staff-sync.event-reused`); a refused event may be sent again. A new NIP is registered as an applicant, who confirms the e-mail through the mailed link and is \
            then ACTIVE. A known NIP whose name, e-mail, position, employment type, institution or unit differs becomes a \
            data change for a verifier to approve (source: this client; the record changes only on approval), never an \
            overwrite. A known NIP with `leaving` (`RETIRED`, `DECEASED`) gets a revocation request of the current \
            certificate for the verifiers (`REVOCATION_REQUESTED`, `revocationRequestId`; the open one if there is one); \
            without a certificate, or never registered, nothing is done (`UNCHANGED`); when the workflow service does not \
            answer, the item is refused with `integration.peer-unavailable` (503) and may be sent again. Nothing happens for an unchanged person, also when an open change of this client already proposes \
            the same. People outside the client's institutions, before or after a \
            move, are refused. `dryRun: true` answers what would happen and changes nothing. Per-person refusals carry a \
            problem+json body: `validation` (with `fieldErrors`, e.g. `eventId` `event-id.format`), `staff-sync.event-reused`, `staff-sync.institution-not-allowed`, \
            `staff-sync.nik-mismatch`, `data-change.already-open`, `applicant.already-registered`, `applicant.not-active`.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "four changes", value = REQUEST)))
    @APIResponse(responseCode = "200", description = "One result per person", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IntegrationRequests.SyncAnswer.class), examples = @ExampleObject(name = "results", value = ANSWER)))
    @APIResponse(responseCode = "403", description = "Not a regional system, or without the scope `applicants:sync` (`integration.scope-missing`) (problem+json)")
    @APIResponse(responseCode = "422", description = "`validation`: no people or more than 100, or a field too long (problem+json)")
    public IntegrationRequests.SyncAnswer sync(@NotNull @Valid IntegrationRequests.Sync body,
                                               @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        boolean dryRun = Boolean.TRUE.equals(body.dryRun());
        String requestId = StatusLookupResource.requestId();
        Locale locale = Messages.negotiate(acceptLanguage);
        return new IntegrationRequests.SyncAnswer(dryRun, sync.sync(callers.integration(), body.records(), dryRun, requestId).stream()
                .map(r -> IntegrationRequests.SyncItem.of(r, locale, requestId)).toList());
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @RequiresSecondFactor
    @Operation(summary = "What staffing systems sent", description = """
            The record of staff sync, dry runs included, newest first: per person sent, the client, when, the applicant, the \
            NIP masked, the outcome and what was done. `from`/`to` (ISO-8601 instants) default to the last 30 days.""")
    @APIResponse(responseCode = "200", description = "A page of the record", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IntegrationRequests.AuditEntry[].class), examples = @ExampleObject(name = "entries", value = """
            [{"at":"2026-12-05T02:10:00Z","clientId":"int-9c2d1e0f7a6b5c4d3e2f","operation":"STAFF_SYNC","batchId":"5a1f…","index":0,
              "applicantId":"e530e18e-8872-4fcb-ac74-8d2632b63c5b","person":"NIP **************1003","outcome":"DATA_CHANGE_SUBMITTED",
              "detail":"data change 473f93c4-b480-47e0-9cd3-1ab4c5d36b9a submitted: [position]","requestId":"0f3c…"}]""")))
    @APIResponse(responseCode = "403", description = "Not an admin, or no second factor in this session (`auth.step-up-required`) (problem+json)")
    @APIResponse(responseCode = "422", description = "`validation`: `from` not before `to`, or a page out of range (problem+json)")
    public List<IntegrationRequests.AuditEntry> record(
            @Parameter(description = "Only this client (`int-…`)") @QueryParam("clientId") String clientId,
            @Parameter(description = "From (inclusive), ISO-8601 instant") @QueryParam("from") Instant from,
            @Parameter(description = "To (exclusive), ISO-8601 instant") @QueryParam("to") Instant to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return audit.read(List.of(IntegrationAudit.Operation.STAFF_SYNC, IntegrationAudit.Operation.STAFF_SYNC_DRY_RUN), clientId, from, to,
                page, size).stream().map(IntegrationRequests.AuditEntry::of).toList();
    }
}
