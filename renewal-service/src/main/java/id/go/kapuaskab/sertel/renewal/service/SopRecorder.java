package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.SopStep;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

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

    public void recordCompletion(CertificateRequest r) {
        for (TimelineStep s : timeline.of(r)) {
            if (s.duration() == null) {
                continue;
            }
            Panache.getEntityManager().createNativeQuery("""
                    INSERT INTO sop_step_duration (request_id, step, completed_at, duration_seconds, standard_seconds)
                    VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                    .setParameter(1, r.id).setParameter(2, (short) s.step().number()).setParameter(3, r.completedAt)
                    .setParameter(4, seconds(s.duration())).setParameter(5, seconds(s.step().standard()))
                    .executeUpdate();
            timer(s.step()).record(s.duration());
        }
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
