package id.go.kapuaskab.sertel.renewal.rest;

import id.go.kapuaskab.sertel.renewal.domain.OutboxKind;
import id.go.kapuaskab.sertel.renewal.domain.SopStep;
import id.go.kapuaskab.sertel.renewal.service.IssuanceAdmin;
import id.go.kapuaskab.sertel.renewal.service.RequestQueries;
import id.go.kapuaskab.sertel.renewal.service.SopSummary;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import id.go.kapuaskab.sertel.support.security.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;

/** What only admins see: requests stuck in ISSUING, a push to retry them, and the SOP summary. */
@Path("/api/v1/requests")
@Tag(name = "admin", description = "Stuck issuance and the SOP report")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
@APIResponse(responseCode = "401", description = "No valid token (problem+json)")
@APIResponse(responseCode = "403", description = "Not an admin (problem+json)")
public class AdminResource {

    private final RequestQueries queries;
    private final IssuanceAdmin issuance;
    private final SopSummary summary;
    private final CurrentCaller caller;
    private final Clock clock;

    AdminResource(RequestQueries queries, IssuanceAdmin issuance, SopSummary summary, CurrentCaller caller, Clock clock) {
        this.queries = queries;
        this.issuance = issuance;
        this.summary = summary;
        this.caller = caller;
        this.clock = clock;
    }

    @Schema(name = "StuckRequest", description = "A request in ISSUING with the state of its hand-over to the CA")
    public record Stuck(RequestView request, String work, Integer attempts, String lastError, OffsetDateTime lastAttemptAt,
                        OffsetDateTime nextAttemptAt, @Schema(description = "Set when the CA refused: no more automatic retries") OffsetDateTime gaveUpAt) {
    }

    @GET
    @Path("/stuck")
    @Operation(summary = "Requests in ISSUING", description = """
            Every request handed to the CA and not completed yet, oldest first, with the attempts so far, the last error and \
            when the next attempt is due (or when retrying stopped because the CA refused).""")
    @APIResponse(responseCode = "200", description = "The requests in ISSUING", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "stuck", value = OpenApiExamples.STUCK)))
    public List<Stuck> stuck() {
        return queries.stuck().stream().map(s -> new Stuck(RequestView.of(s.request(), queries),
                s.work().map(w -> OutboxKind.ofTopic(w.topic()).name()).orElse(null), s.work().map(w -> w.attempts()).orElse(null),
                s.work().map(w -> w.lastError()).orElse(s.request().reason), s.work().map(w -> Times.of(w.lastAttemptAt())).orElse(null),
                s.work().filter(w -> "PENDING".equals(w.status())).map(w -> Times.of(w.nextAttemptAt())).orElse(null),
                s.work().filter(w -> "DEAD".equals(w.status())).map(w -> Times.of(w.finishedAt())).orElse(null))).toList();
    }

    @POST
    @Path("/{id}/issuance/retry")
    @Operation(summary = "Retry the CA hand-over now", description = "For a request in ISSUING: its CA work is due now, also after a refusal.")
    @APIResponse(responseCode = "200", description = "Scheduled", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "scheduled", value = OpenApiExamples.REQUEST)))
    @APIResponse(responseCode = "409", description = "request.not-stuck (currentState)")
    public RequestView retry(@PathParam("id") UUID id) {
        return RequestView.of(issuance.retry(caller.get(), id), queries);
    }

    @Schema(name = "SopSummaryRow", description = "One SOP step in one month (Asia/Jakarta): completed requests with a measured duration")
    public record Row(String month, int step, String nameId, String nameEn, long count, double medianSeconds, double p90Seconds,
                      double standardSeconds, double shareWithinStandard) {
    }

    @GET
    @Path("/sop-summary")
    @Operation(summary = "The SOP against its standard times", description = """
            Per month (`from`, `to` as YYYY-MM, default the current month) and step: median, 90th percentile and the share of \
            requests within the standard time.""")
    @APIResponse(responseCode = "200", description = "The summary rows", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "summary", value = OpenApiExamples.SOP_SUMMARY)))
    @APIResponse(responseCode = "422", description = "request.invalid-period")
    public List<Row> summary(@QueryParam("from") String from, @QueryParam("to") String to) {
        YearMonth now = YearMonth.from(clock.instant().atZone(SopSummary.JAKARTA));
        return summary.between(month(from, now), month(to, now)).stream().map(r -> {
            SopStep s = r.step();
            return new Row(r.month(), s.number(), s.nameId(), s.nameEn(), r.count(), r.medianSeconds(), r.p90Seconds(),
                    s.standard().toMillis() / 1000.0, r.shareWithinStandard());
        }).toList();
    }

    private static YearMonth month(String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("request.invalid-period", 36);
        }
    }
}
