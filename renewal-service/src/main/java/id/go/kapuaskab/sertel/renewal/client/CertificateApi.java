package id.go.kapuaskab.sertel.renewal.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** certificate-service's internal API; only our identity (RENEWAL_SERVICE) may ask it to sign. */
@RegisterRestClient(configKey = "certificate")
@OidcClientFilter
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
interface CertificateApi {

    @POST
    @Path("/certificates")
    @Consumes(MediaType.APPLICATION_JSON)
    Response issue(String body);

    @POST
    @Path("/csr-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    Response checkCsr(String body);

    @GET
    @Path("/certificates")
    Response byHolder(@QueryParam("holderId") UUID holderId, @QueryParam("open") boolean open);

    @GET
    @Path("/certificates/expiring")
    Response expiring(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("after") String after,
                      @QueryParam("limit") int limit);

    @GET
    @Path("/certificates/{serial}")
    Response one(@PathParam("serial") String serial);

    @POST
    @Path("/certificates/{serial}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    Response revoke(@PathParam("serial") String serial, String body);
}
