package id.go.kapuaskab.sertel.renewal.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** signing-service's key custody for the workflow; only our identity (RENEWAL_SERVICE) may create and bind keys. */
@RegisterRestClient(configKey = "signing")
@OidcClientFilter
@Path("/internal/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface SigningApi {

    @POST
    Response create(String body);

    @POST
    @Path("/{keyId}/certificate")
    Response bind(@PathParam("keyId") UUID keyId, String body);
}
