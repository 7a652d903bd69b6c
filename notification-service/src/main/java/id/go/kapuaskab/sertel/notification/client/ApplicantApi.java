package id.go.kapuaskab.sertel.notification.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
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
    Holder applicant(@PathParam("id") UUID id);

    @GET
    @Path("/institutions/{id}/verifiers")
    List<Holder> verifiers(@PathParam("id") UUID institutionId);
}
