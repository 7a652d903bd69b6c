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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * RFC 6960 over HTTP (appendix A): POST with the DER request as body, or GET with the base64 request in the path.
 * Every answer is 200 with an OCSPResponse, errors included, as OCSP clients expect. Most requests never reach this
 * class: {@link OcspRoutes} answers a POST with a declared length, and a GET already cached, ahead of the REST layer.
 * What arrives here (a body of no declared length that the edge did not read, an over-long one, a
 * GET not cached) runs on a worker: it may read the database and sign.
 */
@Path(OcspResource.PATH)
@PermitAll
@Tag(name = "public PKI")
public class OcspResource {

    static final String PATH = "/pki/ocsp";
    static final String REQUEST = "application/ocsp-request";
    static final String RESPONSE = "application/ocsp-response";

    private final OcspResponder responder;

    OcspResource(OcspResponder responder) {
        this.responder = responder;
    }

    @POST
    @Consumes({REQUEST, "*/*"})
    @Produces(RESPONSE)
    @Operation(summary = "OCSP request in the body (DER)", description = """
            RFC 6960 appendix A.1 POST: the body is a DER OCSPRequest for certificates of our CAs (e.g. from \
            `openssl ocsp -issuer chain.pem -cert x.pem -url …/pki/ocsp`). The answer is always 200 with an OCSPResponse \
            signed by the CA: good, revoked (with time and reason; suspended certificates as certificateHold) or unknown \
            per certificate; malformedRequest, unauthorized (another CA's certificate) or internalError when it cannot answer. \
            A nonce in the request is echoed. Not cached (no-store). An answer already signed for the same single \
            certificate without a nonce is served again from memory until `sertel.ca.ocsp.cache-max-age` or the \
            certificate's revocation.""")
    @RequestBody(content = @Content(mediaType = REQUEST, examples = @ExampleObject(name = "request", value = OpenApiExamples.OCSP_REQUEST)))
    @APIResponse(responseCode = "200", description = "OCSPResponse: successful, malformedRequest, unauthorized or internalError",
            content = @Content(mediaType = RESPONSE, examples = @ExampleObject(name = "successful", value = OpenApiExamples.OCSP_RESPONSE)))
    public Response post(byte[] body) {
        return ocspResponse(responder.respond(body), false);
    }

    @GET
    @Produces(RESPONSE)
    @Operation(summary = "GET without a request: answers malformedRequest", description = """
            The responder's bare URL, as written in the certificates' Authority Information Access (ocsp). A GET without \
            a request in the path is answered, as RFC 6960 clients expect, with 200 and an unsigned OCSPResponse whose \
            status is malformedRequest.""")
    @APIResponse(responseCode = "200", description = "OCSPResponse malformedRequest",
            content = @Content(mediaType = RESPONSE, examples = @ExampleObject(name = "malformedRequest", value = "(binary DER; shown base64) MAMKAQE=")))
    public Response empty() {
        return ocspResponse(responder.respond(null), false);
    }

    @GET
    @Path("/{request: .+}")
    @Produces(RESPONSE)
    @Operation(summary = "OCSP request in the path: URL-encoded base64 of the DER request", description = """
            RFC 6960 appendix A.1 GET: the DER OCSPRequest, base64 (standard or URL-safe alphabet) and URL-encoded, as the \
            last path segment. Answers as the POST does, but cacheable (public, 5 minutes) so HTTP caches and CDNs can \
            serve it; a request with a nonce should use POST. A path that does not decode answers malformedRequest.""")
    @APIResponse(responseCode = "200", description = "OCSPResponse; cacheable until nextUpdate",
            content = @Content(mediaType = RESPONSE, examples = @ExampleObject(name = "successful", value = OpenApiExamples.OCSP_RESPONSE)))
    public Response get(@Parameter(description = "URL-encoded base64 of the DER OCSPRequest", example = OpenApiExamples.OCSP_GET)
                        @Encoded @PathParam("request") String request) {
        return ocspResponse(responder.respond(fromPath(request)), true);
    }

    /** The DER request of a GET's last path segment (still URL-encoded), or null when it does not decode. */
    static byte[] fromPath(String segment) {
        try {
            String b64 = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.US_ASCII);
            return b64.contains("-") || b64.contains("_") ? Base64.getUrlDecoder().decode(b64) : Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String cacheControl(boolean cacheable) {
        return cacheable ? "public, max-age=300" : "no-store";
    }

    private static Response ocspResponse(byte[] response, boolean cacheable) {
        return Response.ok(response, RESPONSE).header("Cache-Control", cacheControl(cacheable)).build();
    }
}
