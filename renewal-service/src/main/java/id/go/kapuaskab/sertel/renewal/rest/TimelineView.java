package id.go.kapuaskab.sertel.renewal.rest;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import id.go.kapuaskab.sertel.renewal.service.TimelineStep;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Timeline", description = "The request mapped onto SOP steps 1–8, with actual durations next to the standard times")
public record TimelineView(UUID requestId, RequestType type, RequestState state, OffsetDateTime completedAt, List<Step> steps) {

    @Schema(name = "TimelineStep", description = """
            `status`: DONE, PENDING, NOT_RECORDED (no time known to this service), NOT_APPLICABLE. `durationSeconds` runs \
            from the end of the step before; `withinStandard` compares it with `standardSeconds`.""")
    public record Step(int step, String name, String nameId, String nameEn, String status, String actor, String actorRole,
                       OffsetDateTime startedAt, OffsetDateTime completedAt, Double durationSeconds, double standardSeconds,
                       Boolean withinStandard, String note) {
    }

    static TimelineView of(CertificateRequest r, List<TimelineStep> steps, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return new TimelineView(r.id, r.type, r.state, Times.of(r.completedAt), steps.stream().map(s -> new Step(s.step().number(),
                english ? s.step().nameEn() : s.step().nameId(), s.step().nameId(), s.step().nameEn(), s.status(), s.actor(), s.actorRole(),
                Times.of(s.startedAt()), Times.of(s.completedAt()), s.duration() == null ? null : s.duration().toMillis() / 1000.0,
                s.step().standard().toMillis() / 1000.0, s.withinStandard(), s.note())).toList());
    }
}
