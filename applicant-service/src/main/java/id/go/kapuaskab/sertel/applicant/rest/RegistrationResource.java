package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.service.ApplicantView;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Self-registration: public (no token), rate-limited by the gateway. */
@Path("/api/v1/applicants/registrations")
@PermitAll
@Tag(name = "registration", description = "Self-registration and e-mail confirmation (public)")
public class RegistrationResource {

    static final String EXAMPLE = """
            {"fullName":"Budi Santoso","email":"budi@kapuaskab.go.id","nik":"6203011208900003","nip":"199008122015031003",
             "phone":"0812-3456-7890","position":"Pranata Komputer Ahli Pertama","employmentType":"PNS",
             "institutionId":"0b6c3c1e-6f7e-4f43-9d1a-3f0f3f0f3f0f","workUnitId":"5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d","language":"id"}""";

    private final Registrations registrations;

    RegistrationResource(Registrations registrations) {
        this.registrations = registrations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register oneself as an applicant (public)", description = """
            Creates the applicant in status PENDING_EMAIL and mails a one-time confirmation link to the official e-mail. \
            After confirming (and choosing a password) the status is PENDING_ACTIVATION until a verifier of the \
            institution activates it. All rules are checked: NIK/NIP plausible and consistent, name without titles, \
            e-mail domain allowed by the institution, NIK/NIP/e-mail not yet registered.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicantRequest.class),
            examples = @ExampleObject(name = "PNS", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; the confirmation mail is on its way",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicantView.class)))
    @APIResponse(responseCode = "422", description = "`validation` with `fieldErrors` (problem+json)")
    @APIResponse(responseCode = "400", description = "Malformed JSON or unknown fields (problem+json)")
    public Response register(@Valid @NotNull ApplicantRequest body) {
        ApplicantView created = registrations.selfRegister(body.data(), body.language());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
