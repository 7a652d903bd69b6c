package id.go.kapuaskab.sertel.renewal.rest;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.service.Access;
import id.go.kapuaskab.sertel.renewal.service.Timeline;
import id.go.kapuaskab.sertel.support.problem.Messages;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;

/** The SOP timeline of one request. */
@Path("/api/v1/requests")
@Tag(name = "requests")
@SecurityRequirement(name = "SecurityScheme")
public class TimelineResource {

    private final Access access;
    private final Timeline timeline;
    private final CurrentCaller callers;

    TimelineResource(Access access, Timeline timeline, CurrentCaller callers) {
        this.access = access;
        this.timeline = timeline;
        this.callers = callers;
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Caller.APPLICANT, Caller.VERIFIER, Caller.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The SOP timeline of a request", description = """
            Steps 1–8 of SOP "Pembaruan Sertifikat Elektronik" with their names (`name` in the Accept-Language, Indonesian by \
            default), actor, times, actual duration and the standard time (2, 5, 3, 15, 10, 0.3, 8, 3 minutes). Step 1 \
            (the reminder) comes from notification-service's record, asked when the renewal was created or submitted; it is \
            NOT_RECORDED when no reminder went out before the request or notification-service could not say; step 4 is \
            NOT_APPLICABLE unless the data changed in this cycle.""")
    @APIResponse(responseCode = "200", description = "The timeline", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "timeline", value = OpenApiExamples.TIMELINE)))
    @APIResponse(responseCode = "401", description = "No valid token (problem+json)")
    @APIResponse(responseCode = "403", description = "Another institution's request (problem+json)")
    @APIResponse(responseCode = "404", description = "request.not-found (also for another applicant's request)")
    public TimelineView timeline(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        CertificateRequest r = access.load(id);
        access.canRead(callers.get(), r);
        return TimelineView.of(r, timeline.of(r), Messages.negotiate(language));
    }
}
