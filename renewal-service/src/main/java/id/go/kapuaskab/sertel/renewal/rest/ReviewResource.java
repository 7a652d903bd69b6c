package id.go.kapuaskab.sertel.renewal.rest;

import id.go.kapuaskab.sertel.renewal.service.Decisions;
import id.go.kapuaskab.sertel.renewal.service.RequestQueries;
import id.go.kapuaskab.sertel.renewal.service.Reviews;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** SOP steps 7 and 8 for verifiers (of the request's institution, never on their own request) and admins. */
@Path("/api/v1/requests")
@Tag(name = "review", description = "The verifiers' queue, claims, step-7 evidence and decisions")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.VERIFIER, Caller.ADMIN})
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Not an officer, another institution's request (request.other-institution) or your own (request.own-request)")
public class ReviewResource {

    private final Reviews reviews;
    private final Decisions decisions;
    private final RequestQueries queries;
    private final CurrentCaller callers;
    private final OptionalReason reasons;

    ReviewResource(Reviews reviews, Decisions decisions, RequestQueries queries, CurrentCaller callers, OptionalReason reasons) {
        this.reasons = reasons;
        this.reviews = reviews;
        this.decisions = decisions;
        this.queries = queries;
        this.callers = callers;
    }

    @GET
    @Path("/queue")
    @Operation(summary = "The review queue", description = """
            SUBMITTED requests of the caller's institutions (admins: all), oldest submission first, each with its age and \
            SLA status (ON_TIME, DUE_SOON, OVERDUE against the review SLA).""")
    @APIResponse(responseCode = "200", description = "A page of the queue")
    public RequestResource.RequestPage queue(@QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                                             @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        RequestQueries.Page page = queries.queue(callers.get(), offset, limit);
        return new RequestResource.RequestPage(page.items().stream().map(r -> RequestView.of(r, queries)).toList(),
                page.offset(), page.limit(), page.total());
    }

    @POST
    @Path("/{id}/claim")
    @Operation(summary = "Claim for review", description = "SUBMITTED → IN_REVIEW, claimed by the caller.")
    @APIResponse(responseCode = "200", description = "Claimed")
    @APIResponse(responseCode = "409", description = "request.invalid-transition (currentState)")
    public RequestView claim(@PathParam("id") UUID id) {
        return RequestView.of(reviews.claim(callers.get(), id), queries);
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "Release a claim", description = "IN_REVIEW → SUBMITTED; by the verifier holding the claim, or an admin. Body optional.")
    @APIResponse(responseCode = "200", description = "Released")
    @APIResponse(responseCode = "409", description = "request.invalid-transition (currentState)")
    public RequestView release(@PathParam("id") UUID id,
                              @RequestBody(required = false, description = "Optional: {\"reason\": \"…\"}",
                                      content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                              schema = @Schema(implementation = Bodies.Reason.class))) byte[] body)
            throws java.io.IOException {
        return RequestView.of(reviews.release(callers.get(), id, reasons.read(body)), queries);
    }

    @POST
    @Path("/{id}/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record step-7 evidence", description = """
            (a) subject items checked (FULL_NAME, EMAIL, NIK, INSTITUTION, UNIT: matches or not, note); (b) the institution \
            contacted (person, channel PHONE/EMAIL/LETTER/IN_PERSON, time, outcome CONFIRMED/NOT_CONFIRMED/UNREACHABLE, note). \
            By the verifier holding the claim, while IN_REVIEW. Re-recording replaces.""")
    @APIResponse(responseCode = "200", description = "The request with its evidence")
    @APIResponse(responseCode = "409", description = "request.not-in-review (currentState)")
    @APIResponse(responseCode = "422", description = "validation, request.nothing-to-record")
    public RequestDetailView checks(@PathParam("id") UUID id, @NotNull @Valid Bodies.Checks body) {
        Caller caller = callers.get();
        reviews.record(caller, id, body.evidence());
        return RequestDetailView.of(queries.detail(caller, id), queries);
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve (SOP step 8)", description = """
            IN_REVIEW → APPROVED. Needs every subject item matching, a CONFIRMED contact, a different officer than the one \
            who recorded the checks (four-eyes), and the applicant's current data equal to the snapshot (else 409 \
            request.subject-changed: return it). CSR and revocation requests go on to ISSUING and the CA (outbox); a \
            server-generated key waits, APPROVED, for the applicant to collect it.""")
    @APIResponse(responseCode = "200", description = "Approved (ISSUING, or APPROVED for a server-generated key)")
    @APIResponse(responseCode = "409", description = "request.invalid-transition (currentState), request.subject-changed (differences)")
    @APIResponse(responseCode = "422", description = "request.checks-incomplete, request.checks-not-matching, request.contact-not-confirmed")
    public RequestView approve(@PathParam("id") UUID id) {
        return RequestView.of(decisions.approve(callers.get(), id), queries);
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return to the applicant", description = "IN_REVIEW → RETURNED; `reason` required. The applicant fixes and submits again.")
    @APIResponse(responseCode = "200", description = "Returned")
    @APIResponse(responseCode = "409", description = "request.invalid-transition (currentState)")
    @APIResponse(responseCode = "422", description = "validation: reason required")
    public RequestView returnRequest(@PathParam("id") UUID id, @NotNull @Valid Bodies.Reason body) {
        return RequestView.of(decisions.returnToApplicant(callers.get(), id, body.reason()), queries);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject", description = "IN_REVIEW → REJECTED (terminal); `reason` required.")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "409", description = "request.invalid-transition (currentState)")
    @APIResponse(responseCode = "422", description = "validation: reason required")
    public RequestView reject(@PathParam("id") UUID id, @NotNull @Valid Bodies.Reason body) {
        return RequestView.of(decisions.reject(callers.get(), id, body.reason()), queries);
    }
}
