package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.SecondFactor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** My second factor (TOTP): status, enrolment with its first code, switching it off where the role allows. */
@Path("/api/v1/auth/mfa")
@Tag(name = "auth")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.APPLICANT, Roles.VERIFIER, Roles.ADMIN, Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
public class MfaResource {

    @Schema(name = "MfaEnrolment", description = "Shown once: the secret for the authenticator app, as text, URI and QR code")
    record EnrolmentView(String secret, String otpauthUri, @Schema(description = "PNG, as a data: URI") String qrCode) {
    }

    @Schema(name = "RecoveryCodes", description = "Shown once; each works once instead of a code, when the device is lost")
    record RecoveryCodesView(List<String> recoveryCodes) {
    }

    private final SecondFactor secondFactor;
    private final Callers callers;

    MfaResource(SecondFactor secondFactor, Callers callers) {
        this.secondFactor = secondFactor;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "My second factor", description = "Whether it is enrolled, whether my role requires it, and how many recovery codes are left.")
    @APIResponse(responseCode = "200", description = "The status", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "status", value = "{\"enrolled\":true,\"required\":true,\"recoveryCodesLeft\":9}")))
    public SecondFactor.Status status() {
        return secondFactor.status(callers.current());
    }

    @POST
    @Path("/enrolment")
    @Operation(summary = "Start enrolling an authenticator app", description = """
            A new secret, shown once as text, as an `otpauth://` URI and as a QR code (PNG). It is asked at login only \
            after it is confirmed with a first code. Starting again replaces an unconfirmed secret.""")
    @APIResponse(responseCode = "200", description = "The secret", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "enrolment", value = """
                    {"secret":"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP","otpauthUri":"otpauth://totp/sertel%20Kapuas:siti%40kapuaskab.go.id?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=sertel%20Kapuas&algorithm=SHA1&digits=6&period=30","qrCode":"data:image/png;base64,iVBORw0…"}""")))
    @APIResponse(responseCode = "409", description = "`mfa.already-enrolled` (problem+json)")
    public Response begin() {
        SecondFactor.Enrolment e = secondFactor.begin(callers.current());
        return Response.ok(new EnrolmentView(e.secret(), e.otpauthUri(), "data:image/png;base64," + Base64.getEncoder().encodeToString(e.qrPng())))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/enrolment/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm the enrolment with a first code", description = """
            The code the app shows now. From then on every login asks for a code; the answer carries ten recovery codes, \
            shown this once. Log in again to get tokens that carry the second factor (`amr` includes `otp`).""")
    @APIResponse(responseCode = "200", description = "Enrolled; the recovery codes", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "codes", value = "{\"recoveryCodes\":[\"k3m9p-x2r7t\",\"…\"]}")))
    @APIResponse(responseCode = "409", description = "`mfa.no-enrolment`, `mfa.already-enrolled` (problem+json)")
    @APIResponse(responseCode = "422", description = "`validation` with `mfa.code-invalid` (problem+json)")
    public Response confirm(@Valid @NotNull AccountRequests.Code body) {
        return Response.ok(new RecoveryCodesView(secondFactor.confirm(callers.current(), body.code()))).header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch my second factor off", description = "With a current code; not for roles that require it (verifiers, admins).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "code", value = "{\"code\": \"492039\"}")))
    @APIResponse(responseCode = "204", description = "Switched off")
    @APIResponse(responseCode = "409", description = "`mfa.required`, `mfa.no-enrolment` (problem+json)")
    @APIResponse(responseCode = "422", description = "`validation` with `mfa.code-invalid` (problem+json)")
    public Response disable(@Valid @NotNull AccountRequests.Code body) {
        secondFactor.disable(callers.current(), body.code());
        return Response.noContent().build();
    }
}
