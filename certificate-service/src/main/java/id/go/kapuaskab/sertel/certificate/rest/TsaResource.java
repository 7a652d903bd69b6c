package id.go.kapuaskab.sertel.certificate.rest;

import id.go.kapuaskab.sertel.certificate.service.CaRegistry;
import id.go.kapuaskab.sertel.certificate.service.TimestampService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * RFC 3161 over HTTP (§3.4): the DER TimeStampReq as the body, the DER TimeStampResp as the answer, always 200, refusals
 * included, as time-stamp clients expect. Public like OCSP: anyone may ask our TSA for a token.
 */
@Path("/pki/tsa")
@PermitAll
@Tag(name = "public PKI")
public class TsaResource {

    static final String QUERY = "application/timestamp-query";
    static final String REPLY = "application/timestamp-reply";

    private final TimestampService timestamps;
    private final CaRegistry cas;

    TsaResource(TimestampService timestamps, CaRegistry cas) {
        this.timestamps = timestamps;
        this.cas = cas;
    }

    @POST
    @Consumes(QUERY)
    @Produces(REPLY)
    @Operation(summary = "Time-stamp a hash (RFC 3161)", description = "Body: a DER TimeStampReq, e.g. from "
            + "`openssl ts -query -data file.pdf -sha256 -cert -out q.tsq`. The answer is a TimeStampResp: granted with a token "
            + "carrying our TSA policy, accuracy, the request's nonce and a unique serial, or rejected with a PKIFailureInfo "
            + "(badDataFormat, badAlg for hashes other than SHA-256/384/512, unacceptedPolicy).")
    @RequestBody(content = @Content(mediaType = QUERY, examples = @ExampleObject(name = "query",
            description = "DER TimeStampReq (base64 here): SHA-256 imprint, nonce, certReq",
            value = "MEICAQEwMTANBglghkgBZQMEAgEFAAQg…AgkA8bS1Wc5u0kYBAf8=")))
    @APIResponse(responseCode = "200", description = "TimeStampResp (DER)", content = @Content(mediaType = REPLY,
            examples = @ExampleObject(name = "granted", description = "DER TimeStampResp (base64 here): status granted, token",
                    value = "MIIEUTADAgEAMIIESAYJKoZIhvcNAQcCoIIEOTCCBDUCAQMx…")))
    @APIResponse(responseCode = "415", description = "unsupported-media-type: the body must be application/timestamp-query")
    public Response stamp(byte[] body) {
        return Response.ok(timestamps.respond(body), REPLY).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/certificate.pem")
    @Produces(Pem.PEM_FILE)
    @Operation(summary = "The TSA certificate in PEM", description = "Issued by our issuing CA, extended key usage "
            + "id-kp-timeStamping (critical); pass it to `openssl ts -verify -untrusted`.")
    @APIResponse(responseCode = "200", description = "PEM certificate", content = @Content(mediaType = Pem.PEM_FILE,
            examples = @ExampleObject(name = "pem", value = "-----BEGIN CERTIFICATE-----\nMIICLz…\n-----END CERTIFICATE-----\n")))
    public Response certificate() {
        return Response.ok(Pem.certificate(Pem.der(cas.tsa().certificate())), Pem.PEM_FILE)
                .header("Cache-Control", "public, max-age=3600").build();
    }
}
