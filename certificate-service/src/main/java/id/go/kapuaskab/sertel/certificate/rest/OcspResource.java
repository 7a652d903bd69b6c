package id.go.kapuaskab.sertel.certificate.rest;

import id.go.kapuaskab.sertel.certificate.service.OcspResponder;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * RFC 6960 over HTTP (appendix A): POST with the DER request as body, or GET with the base64 request in the path.
 * Every answer is 200 with an OCSPResponse, errors included, as OCSP clients expect.
 */
@Path("/pki/ocsp")
@PermitAll
@Tag(name = "public PKI")
public class OcspResource {

    static final String REQUEST = "application/ocsp-request";
    static final String RESPONSE = "application/ocsp-response";

    private final OcspResponder responder;

    OcspResource(OcspResponder responder) {
        this.responder = responder;
    }

    @POST
    @Consumes({REQUEST, "*/*"})
    @Produces(RESPONSE)
    @Operation(summary = "OCSP request in the body (DER)")
    @APIResponse(responseCode = "200", description = "OCSPResponse: successful, malformedRequest, unauthorized or internalError")
    public Response post(byte[] body) {
        return answer(responder.respond(body), false);
    }

    @GET
    @Produces(RESPONSE)
    @Operation(summary = "GET without a request: answers malformedRequest")
    @APIResponse(responseCode = "200", description = "OCSPResponse malformedRequest")
    public Response empty() {
        return answer(responder.respond(null), false);
    }

    @GET
    @Path("/{request: .+}")
    @Produces(RESPONSE)
    @Operation(summary = "OCSP request in the path: URL-encoded base64 of the DER request")
    @APIResponse(responseCode = "200", description = "OCSPResponse; cacheable until nextUpdate")
    public Response get(@Encoded @PathParam("request") String request) {
        byte[] der;
        try {
            String b64 = URLDecoder.decode(request.replace("+", "%2B"), StandardCharsets.US_ASCII);
            der = b64.contains("-") || b64.contains("_") ? Base64.getUrlDecoder().decode(b64) : Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            der = null;
        }
        return answer(responder.respond(der), true);
    }

    private static Response answer(byte[] response, boolean cacheable) {
        return Response.ok(response, RESPONSE).header("Cache-Control", cacheable ? "public, max-age=300" : "no-store").build();
    }
}
