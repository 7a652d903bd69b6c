package id.go.kapuaskab.sertel.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The trail as an operator watches it (Prometheus at {@code /q/metrics}): {@code sertel_audit_records_total} appended,
 * {@code sertel_audit_unsigned_records} not yet covered by a checkpoint, {@code sertel_audit_checkpoint_age_seconds}
 * since the last checkpoint (0 before the first), and {@code sertel_audit_verification_findings} of the last
 * verification an auditor ran (-1 before the first). No labels: nothing here can grow without bound.
 */
@ApplicationScoped
public class AuditMetrics {

    private final Clock clock;
    private final Counter records;
    private final AtomicLong unsigned = new AtomicLong();
    private final AtomicLong findings = new AtomicLong(-1);
    private final AtomicReference<Instant> lastCheckpoint = new AtomicReference<>();

    AuditMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.records = Counter.builder("sertel.audit.records").description("Audit records appended to the trail").register(registry);
        Gauge.builder("sertel.audit.unsigned.records", unsigned, AtomicLong::get)
                .description("Audit records appended since the last signed checkpoint").register(registry);
        Gauge.builder("sertel.audit.checkpoint.age", this, AuditMetrics::checkpointAge).baseUnit("seconds")
                .description("Time since the last signed checkpoint of the audit trail (0 before the first)").register(registry);
        Gauge.builder("sertel.audit.verification.findings", findings, AtomicLong::get)
                .description("Findings of the last verification of the audit trail (-1 before the first)").register(registry);
    }

    void appended() {
        records.increment();
    }

    void checkpointState(Instant last, long unsignedRecords) {
        lastCheckpoint.set(last);
        unsigned.set(unsignedRecords);
    }

    void verified(int findingCount) {
        findings.set(findingCount);
    }

    private double checkpointAge() {
        Instant last = lastCheckpoint.get();
        return last == null ? 0 : Math.max(0, Duration.between(last, clock.instant()).toMillis() / 1000.0);
    }
}
