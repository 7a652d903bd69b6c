package id.go.kapuaskab.sertel.notification.rest;

import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.rest.NotificationViews.NotificationPage;
import id.go.kapuaskab.sertel.notification.rest.NotificationViews.NotificationView;
import id.go.kapuaskab.sertel.notification.service.DeliveryLog;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/notifications")
@Tag(name = "notifications", description = "The delivery log of reminders and workflow mail")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Verifiers and service identities have no delivery log (problem+json)")
public class NotificationResource {

    static final String EXAMPLE = """
            {"id":"6f1c2b9e-3d4a-4e5f-9a8b-7c6d5e4f3a2b","kind":"EXPIRY_REMINDER","recipientEmail":"budi@kapuaskab.go.id",
             "language":"id","subject":"Sertifikat elektronik Anda berakhir dalam 14 hari (nomor seri 5f3a9c0e12ab44d1)",
             "status":"SENT","attempts":2,"certificateSerial":"5f3a9c0e12ab44d1","thresholdDays":14,"requestId":null,"reason":null,
             "lastError":null,"resendOf":null,"createdAt":"2027-05-01T00:00:03Z","nextAttemptAt":null,"sentAt":"2027-05-01T00:01:04Z",
             "attemptLog":[{"number":1,"startedAt":"2027-05-01T00:00:03Z","finishedAt":"2027-05-01T00:00:04Z","outcome":"TRANSIENT",
                            "smtpCode":421,"detail":"421 service not available"},
                           {"number":2,"startedAt":"2027-05-01T00:01:04Z","finishedAt":"2027-05-01T00:01:04Z","outcome":"SENT",
                            "smtpCode":250,"detail":"accepted"}]}""";

    private final DeliveryLog log;
    private final CurrentCaller callers;

    NotificationResource(DeliveryLog log, CurrentCaller callers) {
        this.log = log;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Caller.APPLICANT, Caller.ADMIN})
    @Operation(summary = "List sent, pending, failed and skipped messages", description = """
            Applicants see the messages sent to them; admins see every message. Filter by `status`, by creation time \
            (`from` inclusive, `to` exclusive, ISO-8601 with offset) and by `certificate` serial; page with `offset` and \
            `limit` (at most 100). Newest first; each message lists its attempts.""")
    @APIResponse(responseCode = "200", description = "A page of the delivery log", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE + "],\"offset\":0,\"limit\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "A parameter has a value that is not recognised: `invalid-parameter` (problem+json)")
    @APIResponse(responseCode = "422", description = "`validation` (limit, offset) or `notification.invalid-range` (from not before to)")
    public NotificationPage list(@QueryParam("status") DeliveryStatus status,
                                 @Parameter(example = "2027-05-01T00:00:00+07:00") @QueryParam("from") OffsetDateTime from,
                                 @Parameter(example = "2027-06-01T00:00:00+07:00") @QueryParam("to") OffsetDateTime to,
                                 @Parameter(example = "5f3a9c0e12ab44d1") @QueryParam("certificate") @Size(max = 64) String certificate,
                                 @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                 @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        DeliveryLog.Page page = log.list(callers.get(), Optional.ofNullable(status), Optional.ofNullable(from).map(OffsetDateTime::toInstant),
                Optional.ofNullable(to).map(OffsetDateTime::toInstant), Optional.ofNullable(certificate).filter(c -> !c.isBlank()), offset, limit);
        return new NotificationPage(page.items().stream().map(NotificationView::of).toList(), page.offset(), page.limit(), page.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.APPLICANT, Caller.ADMIN})
    @Operation(summary = "One message with its attempts", description = "An applicant sees only messages sent to them; others are 404.")
    @APIResponse(responseCode = "200", description = "The message", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "message", value = EXAMPLE)))
    @APIResponse(responseCode = "404", description = "`notification.not-found` (problem+json)")
    public NotificationView get(@PathParam("id") UUID id) {
        return NotificationView.of(log.get(callers.get(), id));
    }
}
