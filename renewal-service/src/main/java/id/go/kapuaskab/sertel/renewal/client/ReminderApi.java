package id.go.kapuaskab.sertel.renewal.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service's record of the expiry reminders sent for a certificate. */
@RegisterRestClient(configKey = "notification")
@OidcClientFilter
@Path("/internal/reminders")
interface ReminderApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Response sent(@QueryParam("certificateSerial") String certificateSerial);
}
