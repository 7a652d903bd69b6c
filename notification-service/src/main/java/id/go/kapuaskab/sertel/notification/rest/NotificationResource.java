package id.go.kapuaskab.sertel.notification.rest;

import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.service.DeliveryLog;
import id.go.kapuaskab.sertel.support.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/notifications")
@Tag(name = "notifications", description = "The delivery log of reminders and workflow mail")
@SecurityRequirement(name = "SecurityScheme")
public class NotificationResource {

    private final DeliveryLog log;
    private final JsonWebToken jwt;

    NotificationResource(DeliveryLog log, JsonWebToken jwt) {
        this.log = log;
        this.jwt = jwt;
    }

    @Schema(name = "Notification", description = "One message of the delivery log.")
    public record NotificationView(UUID id, String kind, String recipientEmail, String language, String subject,
                                   DeliveryStatus status, int attempts, String certificateSerial,
                                   OffsetDateTime createdAt, OffsetDateTime sentAt) {
        static NotificationView of(Delivery d) {
            return new NotificationView(d.id, d.kind, d.recipientEmail, d.language, d.subject, d.status, d.attempts,
                    d.certificateSerial, d.createdAt.atOffset(ZoneOffset.UTC), d.sentAt == null ? null : d.sentAt.atOffset(ZoneOffset.UTC));
        }
    }

    public record NotificationPage(List<NotificationView> items, int offset, int limit, long total) {
    }

    @GET
    @RolesAllowed({Caller.APPLICANT, Caller.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List sent and pending messages", description = """
            Applicants see the messages sent to them; admins see every message. Filter by `status`; page with \
            `offset` and `limit` (at most 100). Newest first.""")
    @APIResponse(responseCode = "200", description = "A page of the delivery log")
    @APIResponse(responseCode = "401", description = "No valid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Verifiers and service identities have no delivery log (problem+json)")
    public NotificationPage list(@QueryParam("status") DeliveryStatus status,
                                 @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                 @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        DeliveryLog.Page page = log.list(Caller.of(jwt), Optional.ofNullable(status), offset, limit);
        return new NotificationPage(page.items().stream().map(NotificationView::of).toList(), page.offset(), page.limit(), page.total());
    }
}
