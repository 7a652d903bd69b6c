package id.go.kapuaskab.sertel.applicant.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notification-service's intakes this service uses (docs/ARCHITECTURE.md, "notification-service"): one-off mails and
 * integration events for webhooks.
 */
@RegisterRestClient(configKey = "notification")
@Path("/internal")
interface NotificationApi {

    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    Response message(@HeaderParam("Authorization") String authorization, String body);

    @POST
    @Path("/integration-events")
    @Consumes(MediaType.APPLICATION_JSON)
    Response integrationEvent(@HeaderParam("Authorization") String authorization, String event);
}
