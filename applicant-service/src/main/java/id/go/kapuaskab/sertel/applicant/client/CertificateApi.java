package id.go.kapuaskab.sertel.applicant.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** certificate-service's batched read of holders' current certificates (docs/ARCHITECTURE.md, "certificate-service"). */
@RegisterRestClient(configKey = "certificate")
@Path("/internal/certificates")
interface CertificateApi {

    @POST
    @Path("/current")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response current(@HeaderParam("Authorization") String authorization, String body);
}
