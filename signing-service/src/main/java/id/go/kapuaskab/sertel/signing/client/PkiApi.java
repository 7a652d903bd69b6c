package id.go.kapuaskab.sertel.signing.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** certificate-service's public PKI paths, the only ones this service may call (docs/ARCHITECTURE.md). */
@RegisterRestClient(configKey = "certificate")
@Path("/pki")
interface PkiApi {

    @POST
    @Path("/tsa")
    @Consumes("application/timestamp-query")
    @Produces("application/timestamp-reply")
    Response timestamp(byte[] query);

    @POST
    @Path("/ocsp")
    @Consumes("application/ocsp-request")
    @Produces("application/ocsp-response")
    Response ocsp(byte[] request);

    @GET
    @Path("/ca/chain.pem")
    @Produces("application/pem-certificate-chain")
    Response chain();
}
