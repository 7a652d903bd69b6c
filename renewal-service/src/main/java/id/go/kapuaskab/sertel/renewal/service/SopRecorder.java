package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.SopStep;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Duration;
import java.util.List;

/**
 * At completion, the request's step durations go to the monthly summary table and to the Prometheus histogram
 * {@code sertel_sop_step_duration_seconds{step="…"}} (with the step's standard time as a bucket boundary, so the
 * share within standard can be read off the histogram as well).
 */
@io.quarkus.runtime.Startup
@ApplicationScoped
public class SopRecorder {

    private final Timeline timeline;
    private final MeterRegistry registry;

    SopRecorder(Timeline timeline, MeterRegistry registry) {
        this.timeline = timeline;
        this.registry = registry;
        for (SopStep step : SopStep.values()) {
            timer(step);                                        // every step's series exists from the start
        }
    }

    private Timer timer(SopStep step) {
        return Timer.builder("sertel.sop.step.duration")
                .description("Actual duration of an SOP step of completed requests")
                .tag("step", Integer.toString(step.number()))
                .publishPercentileHistogram()
                .serviceLevelObjectives(step.standard())
                .register(registry);
    }

    /** Every timed step of a completed request in one INSERT (one round trip), and into the histogram. */
    public void recordCompletion(CertificateRequest r) {
        List<TimelineStep> timed = timeline.of(r).stream().filter(s -> s.duration() != null).toList();
        if (timed.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "INSERT INTO sop_step_duration (request_id, step, completed_at, duration_seconds, standard_seconds) VALUES ");
        for (int i = 0; i < timed.size(); i++) {
            int p = i * 5;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?").append(p + 3)
                    .append(", ?").append(p + 4).append(", ?").append(p + 5).append(')');
        }
        Query insert = Panache.getEntityManager().createNativeQuery(sql.append(" ON CONFLICT DO NOTHING").toString());
        for (int i = 0; i < timed.size(); i++) {
            TimelineStep s = timed.get(i);
            int p = i * 5;
            insert.setParameter(p + 1, r.id).setParameter(p + 2, (short) s.step().number()).setParameter(p + 3, r.completedAt)
                    .setParameter(p + 4, seconds(s.duration())).setParameter(p + 5, seconds(s.step().standard()));
        }
        insert.executeUpdate();
        timed.forEach(s -> timer(s.step()).record(s.duration()));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
