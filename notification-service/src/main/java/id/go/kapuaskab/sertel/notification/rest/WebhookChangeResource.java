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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
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

/** Changing a subscription: its target, types or state; deleting it; rotating its signing secret. */
@Path("/api/v1/integrations/webhooks/{id}")
@Tag(name = "webhooks", description = "Signed webhooks for regional systems (Standard Webhooks)")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Caller.INTEGRATION, Caller.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Not an admin, or an integration client without the scope events:subscribe (problem+json)")
@APIResponse(responseCode = "404", description = "`webhook.not-found`: no such subscription, or another client's (problem+json)")
public class WebhookChangeResource {

    private final Subscriptions subscriptions;
    private final CurrentCaller callers;

    WebhookChangeResource(Subscriptions subscriptions, CurrentCaller callers) {
        this.subscriptions = subscriptions;
        this.callers = callers;
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a subscription", description = """
            Changes the fields sent: `url` (checked like at creation), `eventTypes`, `enabled`, `description`, `contactEmail`, \
            `language`. `enabled: true` re-enables a subscription the service disabled (the target is checked again); \
            failed deliveries can then be redelivered from the delivery log. When its owning client changes it, the \
            subscription takes the institutions of the client's current token.""")
    @APIResponse(responseCode = "200", description = "The subscription as changed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "changed", value = WebhookViews.SUBSCRIPTION)))
    @APIResponse(responseCode = "422", description = "`validation`, `webhook.target-*`, `webhook.no-institutions` (problem+json)")
    public SubscriptionView update(@PathParam("id") UUID id, @NotNull @Valid WebhookViews.UpdateBody body) {
        return SubscriptionView.of(subscriptions.update(callers.get(), id, body.changes()));
    }

    @DELETE
    @Operation(summary = "Delete a subscription", description = "Its waiting deliveries are dropped; its delivery log goes with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id) {
        subscriptions.delete(callers.get(), id);
    }

    @POST
    @Path("/secret/rotate")
    @Operation(summary = "Rotate the signing secret", description = """
            Makes a new secret and answers it (this once). Until `previousSecretValidUntil` (by default 24 hours) every \
            webhook carries two signatures, one per secret, so the receiver can switch over at its own pace.""")
    @APIResponse(responseCode = "200", description = "The new secret", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "rotated", value = "{\"subscription\":" + WebhookViews.SUBSCRIPTION
                    + ",\"secret\":\"whsec_2Nf3bW0v7aTq9Zr1YxKc5LmOp8sUe4Gh6Jd0Vi3Wn7Q=\"}")))
    public Response rotate(@PathParam("id") UUID id) {
        return Response.ok(Created.of(subscriptions.rotate(callers.get(), id))).header("Cache-Control", "no-store").build();
    }
}
