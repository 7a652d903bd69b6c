package id.go.kapuaskab.sertel.applicant.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service's intake of one-off mails (docs/ARCHITECTURE.md, "notification-service"). */
@RegisterRestClient(configKey = "notification")
@Path("/internal/messages")
interface NotificationApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response message(@HeaderParam("Authorization") String authorization, String body);
}
