package id.go.kapuaskab.sertel.notification.rest;

import id.go.kapuaskab.sertel.notification.rest.WebhookViews.Created;
import id.go.kapuaskab.sertel.notification.rest.WebhookViews.SubscriptionView;
import id.go.kapuaskab.sertel.notification.service.Subscriptions;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Regional systems subscribe to events here (Standard Webhooks); admins see and manage every subscription. */
@Path("/api/v1/integrations/webhooks")
@Tag(name = "webhooks", description = "Signed webhooks for regional systems (Standard Webhooks)")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Caller.INTEGRATION, Caller.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Not an admin, or an integration client without the scope events:subscribe "
        + "(`webhook.scope-missing`) (problem+json)")
public class WebhookResource {

    private final Subscriptions subscriptions;
    private final CurrentCaller callers;

    WebhookResource(Subscriptions subscriptions, CurrentCaller callers) {
        this.subscriptions = subscriptions;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to events", description = """
            Events of the chosen types (""" + WebhookViews.TYPES + """
            ) are POSTed to `url`, signed as Standard Webhooks prescribe (`webhook-id`, `webhook-timestamp`, \
            `webhook-signature: v1,<base64 HMAC-SHA256>`). An integration client receives the events of the institutions in \
            its token (`inst`); an admin's subscription receives all. The answer carries the signing secret: store it now, it \
            is never shown again. The target must be `https` and resolve to public addresses only.""")
    @APIResponse(responseCode = "201", description = "Subscribed; the secret is in this answer only",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "created",
                    value = "{\"subscription\":" + WebhookViews.SUBSCRIPTION + ",\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw1fBy8Q3d0Dk=\"}")))
    @APIResponse(responseCode = "409", description = "`webhook.limit-reached` (problem+json)")
    @APIResponse(responseCode = "422", description = "`validation` (unknown event type: fieldErrors code `unknown-event-type`), "
            + "`webhook.target-invalid`, `webhook.target-not-https`, `webhook.target-unresolvable`, `webhook.target-not-allowed` "
            + "(private, loopback, link-local, multicast or unspecified address), `webhook.no-institutions` (problem+json)")
    public Response create(@NotNull @Valid WebhookViews.CreateBody body) {
        Created created = Created.of(subscriptions.create(callers.get(), body.draft()));
        return Response.created(URI.create("/api/v1/integrations/webhooks/" + created.subscription().id())).entity(created)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Operation(summary = "List subscriptions", description = "An integration client's own subscriptions; an admin's view holds every one. Oldest first.")
    @APIResponse(responseCode = "200", description = "The subscriptions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "list", value = "[" + WebhookViews.SUBSCRIPTION + "]")))
    public List<SubscriptionView> list() {
        return subscriptions.list(callers.get()).stream().map(SubscriptionView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription", description = "Another client's subscription is `webhook.not-found`, as if it did not exist. "
            + "The secret is never part of it.")
    @APIResponse(responseCode = "200", description = "The subscription", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "subscription", value = WebhookViews.SUBSCRIPTION)))
    @APIResponse(responseCode = "404", description = "`webhook.not-found` (problem+json)")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.get(callers.get(), id));
    }
}
