package id.go.kapuaskab.sertel.renewal.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** applicant-service's internal API, called with our own client-credentials token. */
@RegisterRestClient(configKey = "applicant")
@OidcClientFilter
@Path("/internal/applicants")
interface ApplicantApi {

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response applicant(@PathParam("id") UUID id, @QueryParam("include") String include);
}
