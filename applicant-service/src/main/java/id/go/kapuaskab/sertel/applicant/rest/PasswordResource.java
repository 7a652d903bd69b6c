package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.Passwords;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Changing one's password, and resetting a forgotten one by a mailed link. */
@Path("/api/v1/auth")
@Tag(name = "auth")
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResource {

    private final Passwords passwords;
    private final Callers callers;
    private final CurrentCaller caller;

    PasswordResource(Passwords passwords, Callers callers, CurrentCaller caller) {
        this.passwords = passwords;
        this.callers = callers;
        this.caller = caller;
    }

    @POST
    @Path("/password")
    @RolesAllowed({Roles.APPLICANT, Roles.VERIFIER, Roles.ADMIN, Roles.AUDITOR})
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(summary = "Change my password", description = """
            The current password is required. The new one must have at least 10 characters, not be a commonly used \
            password, and not contain the e-mail name, NIK or NIP. Every other session of the account ends; this one \
            stays. The owner gets a mail.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "change",
            value = "{\"currentPassword\":\"kata-sandi-lama\",\"newPassword\":\"jembatan kapuas di pagi hari\"}")))
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "401", description = "No valid token (problem+json)")
    @APIResponse(responseCode = "422", description = "`validation`: `password.current-wrong`, `password.length`, `password.common`, `password.personal` (problem+json)")
    @APIResponse(responseCode = "429", description = "`auth.locked`: too many wrong current passwords; the login is held as long, "
            + "with the login's growing back-off (problem+json, Retry-After)")
    public Response change(@Valid @NotNull AccountRequests.PasswordChange body) {
        Optional<UUID> session = Optional.ofNullable(caller.get().sessionId()).map(UUID::fromString);
        passwords.change(callers.current(), session, body.currentPassword(), body.newPassword());
        return Response.noContent().build();
    }

    @POST
    @Path("/password-reset")
    @PermitAll
    @Operation(summary = "Mail me a password reset link (public)", description = """
            Always answers 202, whether or not the address belongs to an account, so the answer reveals nothing. An \
            active account gets a single-use link valid for 60 minutes (at most three an hour). Rate limited per address \
            at the gateway.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request",
            value = "{\"email\":\"budi.santoso@kapuaskab.go.id\"}")))
    @APIResponse(responseCode = "202", description = "Accepted (a mail follows if the account exists)")
    @APIResponse(responseCode = "422", description = "`validation`: no address (problem+json)")
    public Response requestReset(@Valid @NotNull AccountRequests.ResetRequest body) {
        passwords.requestReset(body.email());
        return Response.accepted().build();
    }

    @POST
    @Path("/password-reset/confirm")
    @PermitAll
    @Operation(summary = "Set a new password with a reset link's token (public)", description = """
            Uses the token from the mail (once, within 60 minutes). Every session of the account ends and its access \
            tokens stop working in every service within seconds; the owner gets a mail.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "reset",
            value = "{\"token\":\"Yx3…\",\"newPassword\":\"jembatan kapuas di pagi hari\"}")))
    @APIResponse(responseCode = "204", description = "The password is set")
    @APIResponse(responseCode = "404", description = "`password-reset.unknown` (problem+json)")
    @APIResponse(responseCode = "410", description = "`password-reset.used` or `password-reset.expired` (problem+json)")
    @APIResponse(responseCode = "422", description = "`validation`: the password policy (problem+json)")
    public Response reset(@Valid @NotNull AccountRequests.Reset body) {
        passwords.reset(body.token(), body.newPassword());
        return Response.noContent().build();
    }
}
