package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.CaRecords;
import id.go.kapuaskab.sertel.renewal.client.CertificateClient;
import id.go.kapuaskab.sertel.renewal.config.WorkflowConfig;
import id.go.kapuaskab.sertel.renewal.repository.WorkflowFigures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The workflow as an operator watches it (Prometheus at {@code /q/metrics}), refreshed on a schedule from a few grouped
 * queries, never per scrape:
 * {@code sertel_review_queue_depth{institution,state}} and {@code sertel_review_queue_oldest_age_seconds{institution}}
 * (requests SUBMITTED or IN_REVIEW, age since submission; the institution is its code, a small set the admins keep),
 * {@code sertel_review_sla_seconds} (the standard they are held to), {@code sertel_requests_issuing},
 * {@code sertel_requests_issuing_stuck} (in ISSUING longer than {@code sertel.workflow.issuing-stuck-after}) and
 * {@code sertel_requests_issuing_oldest_age_seconds}, and {@code sertel_certificates_expiring_unrenewed}: ACTIVE
 * certificates inside the renewal window that no open RENEWAL request renews (the CA's expiring view, read every
 * ten minutes).
 */
@Startup
@ApplicationScoped
public class WorkflowMetrics {

    private static final Logger LOG = Logger.getLogger(WorkflowMetrics.class);
    private static final int PAGE = 1000;
    /** The label of requests whose snapshot names no institution code (a label value cannot be null). */
    static final String UNKNOWN_INSTITUTION = "unknown";

    private final WorkflowFigures figures;
    private final CertificateClient ca;
    private final WorkflowConfig config;
    private final Clock clock;
    private final MultiGauge depth;
    private final MultiGauge oldest;
    private final AtomicReference<WorkflowFigures.Issuing> issuing = new AtomicReference<>(new WorkflowFigures.Issuing(0, 0, null));
    private final AtomicLong unrenewed = new AtomicLong(-1);
    /** The oldest submission per institution; held here, since gauge rows keep only weak references to what they read. */
    private volatile java.util.Map<String, Instant> oldestByInstitution = java.util.Map.of();

    WorkflowMetrics(MeterRegistry registry, WorkflowFigures figures, CertificateClient ca, WorkflowConfig config, Clock clock) {
        this.figures = figures;
        this.ca = ca;
        this.config = config;
        this.clock = clock;
        this.depth = MultiGauge.builder("sertel.review.queue.depth")
                .description("Requests waiting for a verifier, by institution and state (SUBMITTED, IN_REVIEW)").register(registry);
        this.oldest = MultiGauge.builder("sertel.review.queue.oldest.age").baseUnit("seconds")
                .description("How long the oldest request of an institution's review queue has waited since submission").register(registry);
        Gauge.builder("sertel.review.sla", config, c -> c.reviewSla().toSeconds()).baseUnit("seconds")
                .description("How long a submitted request may wait for review (sertel.workflow.review-sla)").register(registry);
        Gauge.builder("sertel.requests.issuing", issuing, i -> i.get().count()).description("Requests handed to the CA, not completed yet")
                .register(registry);
        Gauge.builder("sertel.requests.issuing.stuck", issuing, i -> i.get().stuck())
                .description("Requests in ISSUING for longer than sertel.workflow.issuing-stuck-after").register(registry);
        Gauge.builder("sertel.requests.issuing.oldest.age", issuing, i -> age(i.get().oldestSince())).baseUnit("seconds")
                .description("How long the oldest request in ISSUING has been there").register(registry);
        Gauge.builder("sertel.certificates.expiring.unrenewed", unrenewed, AtomicLong::get)
                .description("ACTIVE certificates inside the renewal window without an open renewal request (-1 until first read)")
                .register(registry);
    }

    @Scheduled(every = "${sertel.workflow.metrics-refresh:30s}", delayed = "2s", identity = "workflow-metrics",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void refresh() {   // the scheduler's and a caller's refresh never interleave their rows
        try {
            Instant threshold = clock.instant().minus(config.issuingStuckAfter());
            List<WorkflowFigures.Queue> queue = QuarkusTransaction.requiringNew().call(figures::queue);
            issuing.set(QuarkusTransaction.requiringNew().call(() -> figures.issuing(threshold)));
            List<MultiGauge.Row<?>> depthRows = new ArrayList<>();
            java.util.Map<String, Instant> oldestNow = new java.util.HashMap<>();
            for (WorkflowFigures.Queue q : queue) {
                String institution = q.institution() == null ? UNKNOWN_INSTITUTION : q.institution();
                depthRows.add(MultiGauge.Row.of(Tags.of("institution", institution, "state", q.state()), q.count()));
                if (q.oldestSubmittedAt() != null) {                          // Map.merge refuses a null value
                    oldestNow.merge(institution, q.oldestSubmittedAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            List<MultiGauge.Row<?>> oldestRows = new ArrayList<>();
            oldestByInstitution = oldestNow;
            oldestNow.forEach((institution, since) ->
                    oldestRows.add(MultiGauge.Row.of(Tags.of("institution", institution), since, s -> age(s))));
            depth.register(depthRows, true);
            oldest.register(oldestRows, true);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot refresh the workflow metrics: %s", e.toString());
        }
    }

    /** Counts the certificates in the renewal window that no open renewal covers: the CA's expiring view, page by page. */
    @Scheduled(every = "${sertel.workflow.expiring-refresh:10m}", delayed = "20s", identity = "expiring-unrenewed",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refreshExpiring() {
        try {
            Set<String> renewing = QuarkusTransaction.requiringNew().call(figures::openRenewals);
            Instant now = clock.instant();
            long count = 0;
            String after = null;
            do {
                CaRecords.ExpiringPage page = ca.expiring(now, now.plus(config.renewalWindow()), after, PAGE);
                count += page.items().stream().filter(c -> "ACTIVE".equals(c.status()) && !renewing.contains(c.serial())).count();
                after = page.next();
            } while (after != null);
            unrenewed.set(count);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot count the certificates expiring without a renewal: %s", e.toString());
        }
    }

    private double age(Instant since) {
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }
}
