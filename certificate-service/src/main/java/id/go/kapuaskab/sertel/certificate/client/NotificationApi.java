package id.go.kapuaskab.sertel.certificate.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service's intake of integration events (docs/ARCHITECTURE.md, "Integration events"). */
@RegisterRestClient(configKey = "notification")
@OidcClientFilter
@Path("/internal")
interface NotificationApi {

    @POST
    @Path("/integration-events")
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(String event);
}
