package id.go.kapuaskab.sertel.notification.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** certificate-service's read-only view for this service (docs/ARCHITECTURE.md, "certificate-service"). */
@RegisterRestClient(configKey = "certificate-service")
@OidcClientFilter
@Path("/internal/certificates")
@Produces(MediaType.APPLICATION_JSON)
interface CertificateApi {

    @GET
    @Path("/expiring")
    Response expiring(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("after") String after,
                      @QueryParam("limit") int limit);

    @GET
    @Path("/{serial}")
    Response one(@PathParam("serial") String serial);
}
