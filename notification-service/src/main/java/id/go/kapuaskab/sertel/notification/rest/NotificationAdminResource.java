package id.go.kapuaskab.sertel.notification.rest;

import id.go.kapuaskab.sertel.notification.rest.NotificationViews.NotificationView;
import id.go.kapuaskab.sertel.notification.service.DeliveryLog;
import id.go.kapuaskab.sertel.notification.service.ReminderPlanner;
import id.go.kapuaskab.sertel.notification.service.ReminderScheduler;
import id.go.kapuaskab.sertel.support.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What only admins do with notifications: resend a message, start a reminder run now. */
@Path("/api/v1/notifications")
@Tag(name = "notifications", description = "The delivery log of reminders and workflow mail")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Only admins (problem+json)")
public class NotificationAdminResource {

    private final DeliveryLog log;
    private final ReminderScheduler reminders;

    NotificationAdminResource(DeliveryLog log, ReminderScheduler reminders) {
        this.log = log;
        this.reminders = reminders;
    }

    @POST
    @Path("/{id}/resend")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Send a message again", description = """
            Queues a copy of the message (same recipient and content, `resendOf` = the original) and answers with it; \
            the original keeps its status and attempts. A skipped message without recipient or content cannot be resent.""")
    @APIResponse(responseCode = "202", description = "The copy, queued", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "queued", value = """
                    {"id":"0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a","kind":"EXPIRY_REMINDER","recipientEmail":"budi@kapuaskab.go.id",
                     "language":"id","subject":"Sertifikat elektronik Anda berakhir dalam 14 hari (nomor seri 5f3a9c0e12ab44d1)",
                     "status":"PENDING","attempts":0,"certificateSerial":"5f3a9c0e12ab44d1","thresholdDays":14,"requestId":null,
                     "reason":null,"lastError":null,"resendOf":"6f1c2b9e-3d4a-4e5f-9a8b-7c6d5e4f3a2b",
                     "createdAt":"2027-05-02T02:00:00Z","nextAttemptAt":"2027-05-02T02:00:00Z","sentAt":null,"attemptLog":[]}""")))
    @APIResponse(responseCode = "404", description = "`notification.not-found` (problem+json)")
    @APIResponse(responseCode = "409", description = "`notification.not-resendable` (problem+json)")
    public Response resend(@PathParam("id") UUID id) {
        return Response.accepted(NotificationView.of(log.resend(id))).build();
    }

    @POST
    @Path("/reminders/run")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Run the expiry reminders now", description = """
            Does what the daily run does, now: decides every reminder due today that has no decision yet, and queues the \
            messages (sent right after). Safe to repeat: nothing is sent twice. `complete` is false when a peer service \
            failed; the rest is retried automatically.""")
    @APIResponse(responseCode = "200", description = "What the run did", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "summary", value = """
                    {"startedAt":"2027-05-01T00:00:00Z","finishedAt":"2027-05-01T00:00:02Z","examined":412,"queued":37,"skipped":2,
                     "alreadyDecided":373,"complete":true}""")))
    @APIResponse(responseCode = "409", description = "`reminders.run-in-progress` (problem+json)")
    public ReminderPlanner.Summary run() {
        return reminders.runNow();
    }
}
