package id.go.kapuaskab.sertel.renewal.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service's internal API for this service: the event intake and the reminders sent. */
@RegisterRestClient(configKey = "notification")
@OidcClientFilter
@Path("/internal")
interface NotificationApi {

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(String event);

    @GET
    @Path("/reminders")
    @Produces(MediaType.APPLICATION_JSON)
    Response reminders(@QueryParam("certificateSerial") String certificateSerial);
}
