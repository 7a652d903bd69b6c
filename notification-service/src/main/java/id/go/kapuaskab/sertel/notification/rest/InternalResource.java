package id.go.kapuaskab.sertel.notification.rest;

import id.go.kapuaskab.sertel.notification.service.OneOffMessages;
import id.go.kapuaskab.sertel.notification.service.ReminderHistory;
import id.go.kapuaskab.sertel.notification.service.WorkflowEvent;
import id.go.kapuaskab.sertel.notification.service.WorkflowEvents;
import id.go.kapuaskab.sertel.support.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What other services hand over (docs/ARCHITECTURE.md, "notification-service"); the gateway never routes here. */
@Path("/internal")
@Tag(name = "internal", description = "Service-to-service (not routed by the gateway)")
@SecurityRequirement(name = "SecurityScheme")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Not the service allowed to call this (problem+json)")
public class InternalResource {

    private final WorkflowEvents events;
    private final OneOffMessages messages;
    private final ReminderHistory reminders;

    InternalResource(WorkflowEvents events, OneOffMessages messages, ReminderHistory reminders) {
        this.events = events;
        this.messages = messages;
        this.reminders = reminders;
    }

    @GET
    @Path("/reminders")
    @RolesAllowed(Caller.RENEWAL_SERVICE)
    @Operation(summary = "The expiry reminders sent for one certificate (renewal-service)", description = """
            Earliest first: each threshold (days before expiry) whose mail really went out, with the time it left. \
            renewal-service shows the last one before a renewal request as SOP step 1 of the request's timeline.""")
    @APIResponse(responseCode = "200", description = "The reminders sent (possibly none)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "sent", value = "[{\"thresholdDays\":30,\"sentAt\":\"2026-11-23T00:00:04Z\"}]")))
    @APIResponse(responseCode = "422", description = "`validation`: no or an overlong serial (problem+json)")
    public List<ReminderHistory.Sent> reminders(@QueryParam("certificateSerial") @NotBlank @Size(max = 64) String certificateSerial) {
        return reminders.sent(certificateSerial);
    }

    record EventBody(@NotNull UUID eventId, @NotNull WorkflowEvent.Type type, Instant occurredAt, @NotNull UUID requestId,
                     @Size(max = 32) String requestType, @NotNull UUID applicantId, UUID institutionId, @Size(max = 2000) String reason,
                     @Size(max = 64) String certificateSerial, Instant notBefore, Instant notAfter, @Valid Recipient applicant,
                     @Size(max = 500) List<@NotNull @Valid Recipient> verifiers) {

        WorkflowEvent event() {
            return new WorkflowEvent(eventId, type, occurredAt, requestId, requestType, applicantId, institutionId, reason,
                    certificateSerial, notBefore, notAfter, applicant == null ? null : applicant.person(),
                    verifiers == null ? null : verifiers.stream().map(Recipient::person).toList());
        }
    }

    /** A person the event's mail goes to, as renewal-service read them from applicant-service. */
    record Recipient(@NotNull UUID id, @NotBlank @Size(max = 200) String fullName, @NotBlank @Email @Size(max = 254) String email,
                     @Size(max = 8) String language) {

        WorkflowEvent.Person person() {
            return new WorkflowEvent.Person(id, fullName, email, language);
        }

        @Override
        public String toString() {
            return "Recipient[id=" + id + "]";
        }
    }

    record MessageBody(@NotNull UUID messageId, @NotBlank @Size(max = 32) String template, @NotBlank @Email @Size(max = 254) String to,
                       @Pattern(regexp = "id|en") String language, Map<String, @Size(max = 2000) String> params) {
    }

    record Accepted(UUID id, boolean duplicate, int messages) {
    }

    @POST
    @Path("/events")
    @RolesAllowed(Caller.RENEWAL_SERVICE)
    @Operation(summary = "A workflow event (renewal-service's outbox)", description = """
            SUBMITTED mails the verifiers of `institutionId`; RETURNED and REJECTED (with `reason`), APPROVED and COMPLETED \
            (with `certificateSerial`, `notBefore`, `notAfter`) mail the applicant; CANCELLED mails nobody. The event \
            carries its recipients: `applicant` (name, e-mail, language as renewal-service last read them) and, on \
            SUBMITTED, `verifiers` (the institution's active verifiers at submission; `[]` when it has none). An event \
            without them has them looked up at applicant-service. De-duplicated by `eventId`: a repeat answers 202 and \
            sends nothing. 503 while recipients to be looked up cannot be: deliver it again.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "submitted", value = """
            {"eventId":"1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e","type":"REQUEST_SUBMITTED","occurredAt":"2026-11-23T01:00:00Z",
             "requestId":"5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f","requestType":"RENEWAL",
             "applicantId":"4f5e8f1a-2b3c-4d5e-8f9a-0b1c2d3e4f5a","institutionId":"0b6c3c1e-6f7e-4f43-9d1a-3f0f3f0f3f0f",
             "applicant":{"id":"4f5e8f1a-2b3c-4d5e-8f9a-0b1c2d3e4f5a","fullName":"Budi Santoso","email":"budi@kapuaskab.go.id","language":"id"},
             "verifiers":[{"id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","fullName":"Siti Rahmawati",
                           "email":"verifikator1@kapuaskab.go.id","language":"id"}]}""")))
    @APIResponse(responseCode = "202", description = "Accepted (or a duplicate)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "accepted", value = "{\"id\":\"1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e\",\"duplicate\":false,\"messages\":2}")))
    @APIResponse(responseCode = "422", description = "`validation` (problem+json)")
    @APIResponse(responseCode = "503", description = "`notification.recipients-unavailable` (problem+json, Retry-After)")
    public Response event(@NotNull @Valid EventBody body) {
        WorkflowEvents.Outcome outcome = events.accept(body.event());
        return Response.accepted(new Accepted(body.eventId(), outcome.duplicate(), outcome.messages())).build();
    }

    @POST
    @Path("/messages")
    @RolesAllowed(Caller.APPLICANT_SERVICE)
    @Operation(summary = "A one-off mail (applicant-service)", description = """
            Templates: `EMAIL_VERIFICATION` (params `fullName`, `link`, `token`, `expiresAt`), `PASSWORD_RESET` (`link`, \
            `expiresAt`), `PASSWORD_CHANGED`, `MFA_ENABLED`, `ACCOUNT_DEACTIVATED` (`at`), `MFA_DISABLED` (`at`, \
            `byAdmin`), `NEW_DEVICE` (`at`, `device`); times ISO-8601. The body of a message with a one-time link is \
            removed from the delivery log once it is sent (or given up). Idempotent by \
            `messageId`: a repeat answers 202 and sends nothing.""")
    @APIResponse(responseCode = "202", description = "Accepted (or a duplicate)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "accepted", value = "{\"id\":\"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f\",\"duplicate\":false,\"messages\":1}")))
    @APIResponse(responseCode = "422", description = "`validation` (unknown template, bad address) (problem+json)")
    public Response message(@NotNull @Valid MessageBody body) {
        boolean added = messages.accept(body.messageId(), body.template(), body.to(), body.language(), body.params());
        return Response.accepted(new Accepted(body.messageId(), !added, added ? 1 : 0)).build();
    }
}
