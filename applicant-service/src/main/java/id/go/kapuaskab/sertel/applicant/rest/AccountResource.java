package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.domain.Account;
import id.go.kapuaskab.sertel.applicant.domain.AccountEvent;
import id.go.kapuaskab.sertel.applicant.domain.AccountStatus;
import id.go.kapuaskab.sertel.applicant.service.AccountHistory;
import id.go.kapuaskab.sertel.applicant.service.AccountLifecycle;
import id.go.kapuaskab.sertel.applicant.service.SecondFactor;
import id.go.kapuaskab.sertel.support.security.RequiresSecondFactor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** An admin's hand on any account (officer or applicant): deactivation, reactivation, a lost device, the history. */
@Path("/api/v1/accounts/{id}")
@Tag(name = "accounts", description = "Account lifecycle (admins)")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.ADMIN)
@RequiresSecondFactor
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Not an admin, or no second factor in this session (`auth.step-up-required`) (problem+json)")
@APIResponse(responseCode = "404", description = "`account.not-found` (problem+json)")
public class AccountResource {

    @Schema(name = "AccountState")
    record State(UUID id, String role, AccountStatus status, boolean secondFactor) {
        static State of(Account a) {
            return new State(a.id, a.role.name(), a.status, a.hasSecondFactor());
        }
    }

    @Schema(name = "AccountEvent", description = "One change to an account")
    record Event(OffsetDateTime at, String action, UUID actorId, String actorRole, String detail) {
        static Event of(AccountEvent e) {
            return new Event(e.occurredAt.atOffset(ZoneOffset.UTC), e.action, e.actorId, e.actorRole, e.detail);
        }
    }

    private final AccountLifecycle lifecycle;
    private final SecondFactor secondFactor;
    private final AccountHistory history;
    private final Callers callers;

    AccountResource(AccountLifecycle lifecycle, SecondFactor secondFactor, AccountHistory history, Callers callers) {
        this.lifecycle = lifecycle;
        this.secondFactor = secondFactor;
        this.history = history;
        this.callers = callers;
    }

    @POST
    @Path("/deactivate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deactivate an account", description = """
            For someone who left. No more login; every session and refresh token ends at once, and the account's access \
            tokens stop working in every service within seconds. Kept in the account's history with the reason.""")
    @APIResponse(responseCode = "200", description = "Deactivated", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "state", value = "{\"id\":\"0c6f…\",\"role\":\"VERIFIER\",\"status\":\"DISABLED\",\"secondFactor\":true}")))
    @APIResponse(responseCode = "409", description = "`account.already-deactivated`, `account.self-deactivation` (problem+json)")
    public State deactivate(@PathParam("id") UUID id, @Valid @NotNull AccountRequests.Reason body) {
        return State.of(lifecycle.deactivate(callers.current(), id, body.reason()));
    }

    @POST
    @Path("/reactivate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reactivate a deactivated account", description = "The person may log in again. Kept in the account's history.")
    @APIResponse(responseCode = "200", description = "Active again")
    @APIResponse(responseCode = "409", description = "`account.not-deactivated` (problem+json)")
    public State reactivate(@Parameter(description = "The account's id", example = "7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15") @PathParam("id") UUID id, @Valid @NotNull AccountRequests.Reason body) {
        return State.of(lifecycle.reactivate(callers.current(), id, body.reason()));
    }

    @POST
    @Path("/mfa-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reset a lost second factor", description = """
            Removes the account's authenticator and recovery codes and ends its sessions; at the next login the person \
            enrols a new device. The owner is told by mail.""")
    @APIResponse(responseCode = "204", description = "Reset")
    @APIResponse(responseCode = "409", description = "`mfa.no-enrolment` (problem+json)")
    public Response resetSecondFactor(@Parameter(description = "The account's id", example = "7b1e4c2a-5d3f-4a8e-9c61-2f0d8b7a6e15") @PathParam("id") UUID id, @Valid @NotNull AccountRequests.Reason body) {
        secondFactor.reset(callers.current(), id, body.reason());
        return Response.noContent().build();
    }

    @GET
    @Path("/history")
    @Operation(summary = "The account's history", description = "Every change, oldest first: who, when, what, why.")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "history", value = """
                    [{"at":"2026-12-04T02:00:00Z","action":"MFA_ENROLLED","actorId":"0c6f…","actorRole":"VERIFIER","detail":null}]""")))
    public List<Event> history(@PathParam("id") UUID id) {
        return history.of(id).stream().map(Event::of).toList();
    }
}
