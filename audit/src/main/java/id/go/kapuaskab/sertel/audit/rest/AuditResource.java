package id.go.kapuaskab.sertel.audit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.audit.AuditFilter;
import id.go.kapuaskab.sertel.audit.AuditReader;
import id.go.kapuaskab.sertel.audit.AuditVerifier;
import id.go.kapuaskab.sertel.audit.VerificationReport;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The auditor's endpoints of a service's trail. Each service that keeps a trail declares a subclass with its path,
 * {@code /api/v1/audit/<trail>}, and {@code @RolesAllowed("AUDITOR")}; the reader checks the role again.
 */
public abstract class AuditResource {

    public static final String NDJSON = "application/x-ndjson";

    /** The service's own mapper: the strict reading rules of support (StrictJson) apply to the verification body too. */
    @Inject
    ObjectMapper json;

    private final AuditReader reader;
    private final CurrentCaller caller;

    protected AuditResource(AuditReader reader, CurrentCaller caller) {
        this.reader = reader;
        this.caller = caller;
    }

    @GET
    @Path("/records")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read the audit trail", description = """
            Records in id order (the order they were written), a page at a time; filter by actor (account or client \
            id), subject (matched against the subject and the second reference), action and time. Personal numbers \
            in a record's detail are masked. Auditors only.""")
    @APIResponse(responseCode = "200", description = "A page; 'next' is the cursor of the following page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditViews.PageView.class),
                    examples = @ExampleObject(name = "page", value = RECORDS_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No, expired or untrusted token")
    @APIResponse(responseCode = "403", description = "Not an auditor")
    @APIResponse(responseCode = "422", description = "A bad time, cursor or limit")
    public AuditViews.PageView records(@Parameter(description = "Account or client id of who acted") @QueryParam("actor") String actor,
                                       @Parameter(description = "Subject or second reference") @QueryParam("subject") String subject,
                                       @Parameter(description = "Action, e.g. ISSUE") @QueryParam("action") String action,
                                       @Parameter(description = "From (inclusive), ISO-8601 with offset") @QueryParam("from") String from,
                                       @Parameter(description = "To (exclusive), ISO-8601 with offset") @QueryParam("to") String to,
                                       @Parameter(description = "Cursor: the 'next' of the previous page") @QueryParam("after") String after,
                                       @Parameter(description = "Records per page, 1 to 1000") @QueryParam("limit") Integer limit) {
        AuditReader.Page page = reader.page(caller.get(), filter(actor, subject, action, from, to), cursor(after), limit);
        return new AuditViews.PageView(page.items().stream().map(AuditViews.RecordView::of).toList(),
                page.next() == null ? null : page.next().toString());
    }

    @GET
    @Path("/export")
    @Produces(NDJSON)
    @Operation(summary = "Export the audit trail as JSON lines", description = """
            Every record that matches the filter, one JSON object per line (application/x-ndjson), in id order, \
            streamed. Each line carries the hashes, so the chain can be recomputed offline (module README of \
            sertel-audit, "Verifying by hand"). Auditors only.""")
    @APIResponse(responseCode = "200", description = "One record per line",
            content = @Content(mediaType = NDJSON, examples = @ExampleObject(name = "lines", value = EXPORT_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No, expired or untrusted token")
    @APIResponse(responseCode = "403", description = "Not an auditor")
    @APIResponse(responseCode = "422", description = "A bad time")
    public Response export(@QueryParam("actor") String actor, @QueryParam("subject") String subject, @QueryParam("action") String action,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditFilter filter = filter(actor, subject, action, from, to);
        var who = caller.get();
        reader.authorise(who);                                             // before the 200 is sent
        StreamingOutput body = out -> {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
            reader.export(who, filter, r -> {
                buffered.write(json.writeValueAsBytes(AuditViews.RecordView.of(r)));
                buffered.write('\n');
            });
            buffered.flush();
        };
        return Response.ok(body, NDJSON).header("Content-Disposition", "attachment; filename=\"" + reader.trail() + "-audit.ndjson\"").build();
    }

    @GET
    @Path("/checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Signed checkpoints of the trail", description = """
            Newest first. Keep them outside this system: a checkpoint proves that every record up to the sequence \
            numbers it names was as it is now, and hands those it names back to a later verification.""")
    @APIResponse(responseCode = "200", description = "Checkpoints, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditViews.CheckpointView[].class),
                    examples = @ExampleObject(name = "checkpoints", value = CHECKPOINTS_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No, expired or untrusted token")
    @APIResponse(responseCode = "403", description = "Not an auditor")
    @APIResponse(responseCode = "422", description = "A bad cursor or limit")
    public List<AuditViews.CheckpointView> checkpoints(@Parameter(description = "Only checkpoints with a smaller id") @QueryParam("before") String before,
                                                       @Parameter(description = "How many, 1 to 1000") @QueryParam("limit") Integer limit) {
        return reader.checkpoints(caller.get(), cursor(before), limit).stream().map(AuditViews.CheckpointView::of).toList();
    }

    @GET
    @Path("/keys")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The checkpoint signing keys", description = """
            The current public key (PEM; a certificate chain when our CA certified it) and the ids of retired keys still \
            trusted. With it a checkpoint is checked by openssl: see the README's audit procedure.""")
    @APIResponse(responseCode = "200", description = "The keys", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuditViews.KeysView.class), examples = @ExampleObject(name = "keys", value = KEYS_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No, expired or untrusted token")
    @APIResponse(responseCode = "403", description = "Not an auditor")
    public AuditViews.KeysView keys() {
        return AuditViews.KeysView.of(reader.trail(), reader.signer(caller.get()));
    }

    @POST
    @Path("/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify the trail", description = """
            Checks every record's hash and link, gaps, each lane's end against its head and the checkpoints, and every \
            checkpoint's signature and link; names each changed, deleted or truncated record by lane and sequence number \
            (and id). Optionally checks checkpoints the auditor kept. Always 200: 'intact' says the verdict.""")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AuditViews.VerificationRequest.class),
            examples = @ExampleObject(name = "with a kept checkpoint", value = VERIFY_REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = VerificationReport.class), examples = @ExampleObject(name = "tampered", value = REPORT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is not JSON of this shape")
    @APIResponse(responseCode = "401", description = "No, expired or untrusted token")
    @APIResponse(responseCode = "403", description = "Not an auditor")
    public VerificationReport verify(String text) throws JsonProcessingException {
        AuditViews.VerificationRequest body = request(text);
        List<AuditVerifier.Supplied> supplied = body == null || body.checkpoints() == null ? List.of()
                : body.checkpoints().stream().map(c -> new AuditVerifier.Supplied(c.statement(), c.signature())).toList();
        return reader.verify(caller.get(), supplied);
    }

    /**
     * The optional body, read here so that a POST without one (and without a Content-Type) is fine too; what the strict
     * mapper refuses is judged by support's problem mapping like any other body (field, duplicate member, control character).
     */
    private AuditViews.VerificationRequest request(String text) throws JsonProcessingException {
        if (text == null || text.isBlank()) {
            return null;
        }
        return json.readValue(text, AuditViews.VerificationRequest.class);
    }


    private static AuditFilter filter(String actor, String subject, String action, String from, String to) {
        return new AuditFilter(blankToNull(actor), blankToNull(subject), blankToNull(action), time("from", from), time("to", to));
    }

    private static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField(name, "audit.invalid-time", name);
        }
    }

    private static Long cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw DomainException.invalid("audit.invalid-cursor");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static final String RECORD_EXAMPLE = """
            {"id":4711,"lane":2,"seq":1290,"occurredAt":"2026-12-05T01:02:03.123456Z","actor":"3f6c1b1e-8c1d-4a34-9a63-1c2b7c0d9e11",\
            "actorRole":"ADMIN","action":"REVOKE","outcome":"DONE","subject":"5c3e2a9f0b7d41e6a8c2d4f6b8e0a1c3",\
            "reference":"9d4b2c1e-0f6a-4b8e-9c3d-2e1f0a9b8c7d","requestId":"a1b2c3d4e5f60718","detail":"{\\"reason\\":\\"keyCompromise\\"}",\
            "prevHash":"1f0c5e…","hash":"8d2a47…"}""";
    static final String RECORDS_EXAMPLE = "{\"items\":[" + RECORD_EXAMPLE + "],\"next\":\"4711\"}";
    static final String EXPORT_EXAMPLE = RECORD_EXAMPLE + "\n";
    static final String CHECKPOINTS_EXAMPLE = """
            [{"id":57,"createdAt":"2026-12-05T01:10:00.000123Z","statement":"sertel-audit-checkpoint 1\\ntrail certificate-service\\n\
            created 2026-12-05T01:10:00.000123Z\\nprevious 5f1c…\\nlane 0 seq 1301 hash 9ab0…\\n","algorithm":"SHA256withECDSA",\
            "keyId":"c41d…","signature":"MEUCIQ…"}]""";
    static final String KEYS_EXAMPLE = """
            {"trail":"renewal-service","keyId":"c41d…","algorithm":"Ed25519",\
            "pem":"-----BEGIN PUBLIC KEY-----\\nMCowBQYDK2VwAyEA…\\n-----END PUBLIC KEY-----\\n","previousKeyIds":[]}""";
    static final String VERIFY_REQUEST_EXAMPLE = """
            {"checkpoints":[{"statement":"sertel-audit-checkpoint 1\\ntrail certificate-service\\n…","signature":"MEUCIQ…"}]}""";
    static final String REPORT_EXAMPLE = """
            {"trail":"certificate-service","verifiedAt":"2026-12-05T02:00:00Z","intact":false,"records":5120,\
            "lanes":[{"lane":0,"records":1301,"lastSeq":1301,"headSeq":1301}],"checkpoints":57,"checkpointsVerified":57,\
            "latestCheckpoint":"2026-12-05T01:10:00.000123Z","findings":[{"kind":"CHANGED","lane":0,"seq":1290,"recordId":4711,\
            "detail":"record 4711 (lane 0 seq 1290) was changed after it was written: its content does not give its hash"}],\
            "findingsTruncated":false}""";
}
