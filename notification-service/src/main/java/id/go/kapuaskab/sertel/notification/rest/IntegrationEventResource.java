package id.go.kapuaskab.sertel.notification.rest;

import id.go.kapuaskab.sertel.notification.domain.EventType;
import id.go.kapuaskab.sertel.notification.domain.IntegrationEvent;
import id.go.kapuaskab.sertel.notification.service.IntegrationEvents;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The intake of integration events from the services that emit them (docs/ARCHITECTURE.md, "Integration events"). */
@Path("/internal/integration-events")
@Tag(name = "internal", description = "Service-to-service (not routed by the gateway)")
@SecurityRequirement(name = "SecurityScheme")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Not an emitting service, or a type it does not own "
        + "(`integration-event.type-not-allowed`) (problem+json)")
public class IntegrationEventResource {

    private final IntegrationEvents events;
    private final CurrentCaller callers;

    IntegrationEventResource(IntegrationEvents events, CurrentCaller callers) {
        this.events = events;
        this.callers = callers;
    }

    record EventBody(@NotNull UUID eventId, @NotBlank @Size(max = 64) String type, @NotNull Instant occurredAt,
                     @NotBlank @Size(max = 128) String subject, @NotNull UUID institutionId, @NotNull Map<String, Object> data) {
    }

    record Accepted(UUID eventId, boolean duplicate, int deliveries) {
    }

    @POST
    @RolesAllowed({Caller.CERTIFICATE_SERVICE, Caller.APPLICANT_SERVICE})
    @Operation(summary = "An integration event (certificate-service, applicant-service)", description = """
            certificate-service hands over `certificate.issued`, `certificate.revoked`, `certificate.suspended` and \
            `certificate.resumed` (subject: the serial); applicant-service `applicant.data-changed` (subject: the applicant \
            id). `data` is a flat object of ids and states (strings of at most 200 characters, numbers, booleans); a value \
            that looks like a NIK, NIP or phone number is refused. De-duplicated by `eventId`: a repeat answers 202 and \
            queues nothing. The event goes to every enabled subscription of its type that may see `institutionId`.""")
    @APIResponse(responseCode = "202", description = "Accepted (or a duplicate)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "accepted", value = "{\"eventId\":\"2f1e0d9c-8b7a-4654-8321-0fedcba98765\",\"duplicate\":false,\"deliveries\":2}")))
    @APIResponse(responseCode = "422", description = "`validation` (unknown type: fieldErrors code `unknown-event-type`), "
            + "`integration-event.data-invalid`, `integration-event.personal-data` (problem+json)")
    public Response accept(@NotNull @Valid EventBody body) {
        EventType type = EventType.of(body.type()).orElseThrow(() -> DomainException.invalidField("type", "unknown-event-type", body.type()));
        IntegrationEvents.Accepted accepted = events.accept(callers.get(), new IntegrationEvent(body.eventId(), type, body.occurredAt(),
                body.subject(), body.institutionId(), body.data() == null ? Map.of() : body.data()));
        return Response.accepted(new Accepted(accepted.eventId(), accepted.duplicate(), accepted.deliveries())).build();
    }
}
