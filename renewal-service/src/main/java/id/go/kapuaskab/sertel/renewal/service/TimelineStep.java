package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.SopStep;
import java.time.Duration;
import java.time.Instant;

/**
 * One SOP step of one request: when it was done and by whom, how long it took (from the end of the step before),
 * and that against the standard time. {@code status}: DONE, PENDING (not reached yet), NOT_RECORDED (happened, or
 * may have, but no time is known to this service), NOT_APPLICABLE.
 */
public record TimelineStep(SopStep step, String status, String actor, String actorRole, Instant startedAt, Instant completedAt,
                           Duration duration, String note) {

    public static final String DONE = "DONE";
    public static final String PENDING = "PENDING";
    public static final String NOT_RECORDED = "NOT_RECORDED";
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";

    public Boolean withinStandard() {
        return duration == null ? null : duration.compareTo(step.standard()) <= 0;
    }

    static TimelineStep done(SopStep step, String actor, String role, Instant startedAt, Instant completedAt, String note) {
        Duration d = startedAt == null || completedAt == null || completedAt.isBefore(startedAt) ? null
                : Duration.between(startedAt, completedAt);
        return new TimelineStep(step, DONE, actor, role, d == null ? null : startedAt, completedAt, d, note);
    }

    static TimelineStep other(SopStep step, String status, String note) {
        return new TimelineStep(step, status, null, null, null, null, null, note);
    }
}
