package id.go.kapuaskab.sertel.notification.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** applicant-service's reads for this service (docs/ARCHITECTURE.md, "applicant-service"). */
@RegisterRestClient(configKey = "applicant-service")
@OidcClientFilter
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
interface ApplicantApi {

    @GET
    @Path("/applicants/{id}")
    Response applicant(@PathParam("id") UUID id);

    @GET
    @Path("/institutions/{id}/verifiers")
    Response verifiers(@PathParam("id") UUID institutionId);
}
