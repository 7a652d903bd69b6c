package id.go.kapuaskab.sertel.notification.rest;

import id.go.kapuaskab.sertel.notification.domain.WebhookDelivery;
import id.go.kapuaskab.sertel.notification.rest.WebhookViews.DeliveryPage;
import id.go.kapuaskab.sertel.notification.rest.WebhookViews.DeliveryView;
import id.go.kapuaskab.sertel.notification.service.WebhookDeliveries;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A subscription's delivery log, every attempt included, and the manual redelivery of one delivery. */
@Path("/api/v1/integrations/webhooks/{id}/deliveries")
@Tag(name = "webhooks", description = "Signed webhooks for regional systems (Standard Webhooks)")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Caller.INTEGRATION, Caller.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Not an admin, or an integration client without the scope events:subscribe (problem+json)")
@APIResponse(responseCode = "404", description = "`webhook.not-found` (no such subscription, or another client's), "
        + "`webhook.delivery-not-found` (problem+json)")
public class WebhookDeliveryResource {

    private final WebhookDeliveries deliveries;
    private final CurrentCaller callers;

    WebhookDeliveryResource(WebhookDeliveries deliveries, CurrentCaller callers) {
        this.deliveries = deliveries;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "The delivery log", description = "Newest first, each delivery with every attempt; filter by `status`, "
            + "page with `offset` and `limit` (at most 100).")
    @APIResponse(responseCode = "200", description = "A page of deliveries", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + WebhookViews.DELIVERY + "],\"offset\":0,\"limit\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "`invalid-parameter`: unknown status (problem+json)")
    public DeliveryPage list(@PathParam("id") UUID id, @QueryParam("status") WebhookDelivery.Status status,
                             @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                             @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        WebhookDeliveries.Page page = deliveries.list(callers.get(), id, Optional.ofNullable(status), offset, limit);
        return new DeliveryPage(page.items().stream().map(DeliveryView::of).toList(), page.offset(), page.limit(), page.total());
    }

    @GET
    @Path("/{deliveryId}")
    @Operation(summary = "One delivery with its attempts")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "delivery", value = WebhookViews.DELIVERY)))
    public DeliveryView get(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return DeliveryView.of(deliveries.get(callers.get(), id, deliveryId));
    }

    @POST
    @Path("/{deliveryId}/redeliver")
    @Operation(summary = "Deliver an event again", description = """
            Queues a new delivery of the same event (same `webhook-id` and body, a fresh signature), behind anything \
            still waiting for the same subject; the original keeps its attempts. For a delivery that is finished \
            (DELIVERED, FAILED or SKIPPED) of an enabled subscription.""")
    @APIResponse(responseCode = "202", description = "The new delivery, queued", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "queued", value = """
                    {"id":"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","subscriptionId":"5b0e6c1a-8f3d-4d2e-9a71-3c4b5d6e7f80",
                     "eventId":"2f1e0d9c-8b7a-4654-8321-0fedcba98765","eventType":"certificate.revoked","subject":"5f3a9c0e12ab44d1",
                     "occurredAt":"2027-05-02T03:00:00Z","status":"PENDING","attempts":0,"lastStatusCode":null,"lastError":null,
                     "nextAttemptAt":"2027-05-03T01:00:00Z","deliveredAt":null,"redeliveryOf":"9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                     "createdAt":"2027-05-03T01:00:00Z","attemptLog":[]}""")))
    @APIResponse(responseCode = "409", description = "`webhook.delivery-pending` (still being retried), "
            + "`webhook.subscription-disabled` (enable it first) (problem+json)")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(DeliveryView.of(deliveries.redeliver(callers.get(), id, deliveryId))).build();
    }
}
