package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.service.Registrations;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * E-mail confirmation: public (the token is the credential). The mailed link opens the web client's page,
 * which posts the token with the chosen password here; a GET never changes anything, so mail scanners that
 * follow links cannot use a token up.
 */
@Path("/api/v1/applicants/email-confirmation")
@PermitAll
@Tag(name = "registration")
public class EmailConfirmationResource {

    private final Registrations registrations;

    EmailConfirmationResource(Registrations registrations) {
        this.registrations = registrations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm the e-mail address and set the password (public)", description = """
            Uses the one-time token from the mail (single use, expires after 48 hours by default) and sets the password. \
            Applicants registered by a verifier and officers become ACTIVE; self-registered applicants become \
            PENDING_ACTIVATION. Unknown token 404; used or expired token 410.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "confirm", value = "{\"token\":\"q8N3vY…\",\"password\":\"kata-sandi-yang-panjang\"}")))
    @APIResponse(responseCode = "200", description = "Confirmed; the account's new status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "ok", value = "{\"status\":\"PENDING_ACTIVATION\"}")))
    @APIResponse(responseCode = "404", description = "`email-token.unknown` (problem+json)")
    @APIResponse(responseCode = "410", description = "`email-token.used` or `email-token.expired` (problem+json)")
    @APIResponse(responseCode = "422", description = "Password too short (problem+json with fieldErrors)")
    public Map<String, AccountStatus> confirm(@Valid @NotNull SmallRequests.EmailConfirmation body) {
        return Map.of("status", registrations.confirmEmail(body.token(), body.password()));
    }

    @POST
    @Path("/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mail a new confirmation link (public)", description = """
            Answers 202 whether or not the address is registered and waiting for confirmation, so the answer reveals \
            nothing; a new link retires the older ones.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "resend", value = "{\"email\":\"budi@kapuaskab.go.id\"}")))
    @APIResponse(responseCode = "202", description = "Accepted")
    public Response resend(@Valid @NotNull SmallRequests.Resend body) {
        registrations.resendConfirmation(body.email());
        return Response.accepted().build();
    }
}
