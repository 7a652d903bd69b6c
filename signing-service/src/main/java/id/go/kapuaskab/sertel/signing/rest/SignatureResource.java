package id.go.kapuaskab.sertel.signing.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.signing.service.SignatureHistory;
import id.go.kapuaskab.sertel.signing.service.SigningService;
import id.go.kapuaskab.sertel.signing.service.VisibleSignature;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Signing PDFs with a kept key, and the history of signatures made. */
@Path("/api/v1/signatures")
@Tag(name = "signatures", description = "PAdES signatures (BASELINE-LT, time-stamped by our TSA) with keys kept for holders")
@SecurityRequirement(name = "jwt")
public class SignatureResource {

    private final SigningService signing;
    private final SignatureHistory history;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    SignatureResource(SigningService signing, SignatureHistory history, CurrentCaller caller, ObjectMapper json) {
        this.signing = signing;
        this.history = history;
        this.caller = caller;
        this.json = json;
    }

    @POST
    @RolesAllowed({Caller.APPLICANT, Caller.INTEGRATION})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces("application/pdf")
    @Operation(summary = "Sign a PDF (PAdES-BASELINE-LT)", description = """
            Multipart parts: `document` (the PDF, at most 20 MiB by default), `passphrase` (of the holder's kept key), \
            `holderId` (integration clients only: the holder they sign for), `visible` (optional JSON: page, x, y, width, \
            height in points from the lower-left corner, text, qr). The holder (APPLICANT) signs with their own key; an \
            INTEGRATION client needs scope `documents:sign` and the holder's institution in its `inst`. The answer is the \
            signed PDF: the original bytes, then the signature (CMS with signing-certificate-v2 and our TSA's time-stamp) and \
            a DSS with the revocation data of the signer's and the TSA's chains, each as an incremental update, so earlier \
            signatures stay valid. Example: `curl -H "Authorization: Bearer $TOKEN" -F document=@surat.pdf \
            -F passphrase="$PASS" -F 'visible={"page":1,"x":350,"y":60,"width":220,"height":70,"qr":true}' \
            https://sertel.kapuaskab.go.id/api/v1/signatures -o surat-signed.pdf`""")
    @APIResponse(responseCode = "200", description = "The signed PDF; header X-Signature-Id names its record",
            content = @Content(mediaType = "application/pdf", examples = @ExampleObject(name = "pdf", value = "%PDF-1.7 … %%EOF")))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "forbidden, signing.not-your-key, signing.scope-missing, signing.institution-not-allowed")
    @APIResponse(responseCode = "409", description = "signing-key.locked, signing-key.locked-now, signing.no-certified-key, "
            + "signing.certificate-revoked, signing.certificate-suspended, signing.certificate-expired, signing.certificate-unknown")
    @APIResponse(responseCode = "413", description = "document.too-large, payload-too-large")
    @APIResponse(responseCode = "422", description = "signing-key.passphrase-wrong (with attemptsLeft), document.not-pdf, "
            + "document.malformed, document.encrypted, validation (missing part, bad visible box)")
    @APIResponse(responseCode = "503", description = "signing.tsa-unavailable, signing.ca-unavailable")
    public Response sign(@RestForm("document") FileUpload document, @RestForm("passphrase") String passphrase,
                         @RestForm("holderId") String holderId, @RestForm("visible") String visible) {
        SigningService.Result result = signing.sign(caller.get(), new SigningService.Command(Uploads.bytes(document, "document"),
                passphrase == null ? null : passphrase.toCharArray(), uuid(holderId), visible(visible)));
        return Response.ok(result.pdf(), "application/pdf")
                .header("X-Signature-Id", result.record().id)
                .header("Content-Disposition", "attachment; filename=\"signed.pdf\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @RolesAllowed({Caller.APPLICANT, Caller.VERIFIER, Caller.ADMIN, Caller.INTEGRATION})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Signatures made, newest first", description = """
            A holder sees their own signatures, a verifier those of holders of the institutions in the token's `inst`, an \
            admin all, an integration client those it made. Each record has the document's SHA-256 before and after, who \
            asked and on whose behalf, the key, the certificate serial and the time-stamp.""")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = """
                    {"items":[{"id":"0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9","keyId":"5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
                     "holderId":"2b7e9c4a-5f1d-4e3a-8c6b-9d0e1f2a3b4c","institutionId":"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                     "signedBy":"e-office","clientId":"e-office","documentSha256":"9f86d081…","signedSha256":"2c26b46b…",
                     "certificateSerial":"4f1e2d3c4b5a69788796a5b4c3d2e1f0","signedAt":"2026-12-04T03:00:00Z",
                     "timestampTime":"2026-12-04T03:00:00.412Z","tsaSerial":"6a5b…","level":"PAdES-BASELINE-LT","visible":true}],
                     "page":0,"size":20}""")))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Another role")
    @APIResponse(responseCode = "422", description = "validation: page or size out of range")
    public Dtos.Page<Dtos.SignatureView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return new Dtos.Page<>(history.list(caller.get(), page, size).stream().map(Dtos.SignatureView::of).toList(), page, size);
    }

    private VisibleSignature visible(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Dtos.Visible v = json.readValue(value, Dtos.Visible.class);
            return new VisibleSignature(v.page(), v.x(), v.y(), v.width(), v.height(), v.text(), v.qr());
        } catch (JsonProcessingException e) {
            throw DomainException.invalidField("visible", "invalid-value");
        }
    }

    private static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("holderId", "invalid-value");
        }
    }
}
