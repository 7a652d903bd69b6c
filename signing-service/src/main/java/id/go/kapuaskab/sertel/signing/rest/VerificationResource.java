package id.go.kapuaskab.sertel.signing.rest;

import id.go.kapuaskab.sertel.signing.domain.VerificationReport;
import id.go.kapuaskab.sertel.signing.service.VerificationService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Verification of the signatures in a PDF against our PKI; any authenticated caller. */
@Path("/api/v1/signatures/verification")
@Tag(name = "signatures")
@SecurityRequirement(name = "jwt")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    private static final String DESCRIPTION = """
            A report per signature: signer, signing time (M), time-stamp (time, TSA, valid), integrity (byte range digest \
            against the signed message-digest, and the CMS signature), chain to our root, certificate status at the \
            time-stamp's time and now (OCSP from our CA), long-term validation data (DSS, VRI), and coverage (whether bytes \
            were appended after the signature). A tampered document is a 200 whose signature says `integrity.valid: false`.""";
    private static final String EXAMPLE = """
            {"documentSha256":"2c26b46b…","documentBytes":48211,"signatureCount":1,"signatures":[{"name":"Budi Santoso",
             "subFilter":"ETSI.CAdES.detached","signer":{"commonName":"Budi Santoso","certificateSerial":"4f1e…"},
             "signingTime":"2026-12-04T03:00:00Z","timestamp":{"present":true,"time":"2026-12-04T03:00:00.412Z",
             "tsa":"CN=Sertel Kapuas TSA 1,O=Pemerintah Kabupaten Kapuas,C=ID","valid":true,"tsaTrusted":true},
             "integrity":{"valid":true,"byteRangeDigestMatches":true,"cmsSignatureValid":true,"problem":null},
             "chain":{"trustedByOurRoot":true},"certificateStatus":{"atSigningTime":"GOOD","now":"GOOD","source":"OCSP"},
             "ltv":{"dssPresent":true,"vriForThisSignature":true,"certificates":4,"ocsps":2,"crls":0},
             "coverage":{"wholeDocument":false,"signedBytes":40111,"appendedBytes":8100,"laterRevisions":1,"byteRangeWellFormed":true}}]}""";

    private final VerificationService verification;

    VerificationResource(VerificationService verification) {
        this.verification = verification;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Verify the signatures of a PDF (multipart part `document`)", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = VerificationReport.class),
            examples = @ExampleObject(name = "report", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "413", description = "document.too-large, payload-too-large")
    @APIResponse(responseCode = "422", description = "document.not-pdf, document.malformed, document.encrypted, validation")
    @APIResponse(responseCode = "503", description = "signing.ca-unavailable")
    public VerificationReport verifyForm(@RestForm("document") FileUpload document) {
        return verification.verify(Uploads.bytes(document, "document"));
    }

    @POST
    @Consumes("application/pdf")
    @Operation(summary = "Verify the signatures of a PDF sent as the body", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = VerificationReport.class),
            examples = @ExampleObject(name = "report", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "413", description = "document.too-large, payload-too-large")
    @APIResponse(responseCode = "422", description = "document.not-pdf, document.malformed, document.encrypted")
    @APIResponse(responseCode = "503", description = "signing.ca-unavailable")
    public VerificationReport verifyBody(byte[] document) {
        return verification.verify(document);
    }
}
