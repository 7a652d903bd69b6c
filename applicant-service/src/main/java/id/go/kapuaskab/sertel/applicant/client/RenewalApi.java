package id.go.kapuaskab.sertel.applicant.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * renewal-service as this service uses it (docs/ARCHITECTURE.md, "renewal-service"): the batched read of applicants' open
 * requests, and the revocation requests of staff sync.
 */
@RegisterRestClient(configKey = "renewal")
@Path("/internal/requests")
interface RenewalApi {

    @POST
    @Path("/open")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response open(@HeaderParam("Authorization") String authorization, String body);

    @POST
    @Path("/revocations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response revocation(@HeaderParam("Authorization") String authorization, String body);
}
