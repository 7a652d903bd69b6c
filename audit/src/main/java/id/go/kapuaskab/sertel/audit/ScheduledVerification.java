package id.go.kapuaskab.sertel.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Verifies the trail at intervals ({@code sertel.audit.verification.every}) the way an auditor's verification does
 * (without checkpoints kept outside), so the tamper alert on {@code sertel_audit_verification_findings} fires within
 * an interval of a change, not only when an auditor happens to look. It reads one snapshot of the tables; on a large
 * trail it is a full read, hence hourly by default and {@code off} where that is too much.
 */
@ApplicationScoped
public class ScheduledVerification {

    private static final Logger LOG = Logger.getLogger(ScheduledVerification.class);

    private final AuditVerifier verifier;

    ScheduledVerification(AuditVerifier verifier) {
        this.verifier = verifier;
    }

    @Scheduled(every = "${sertel.audit.verification.every:1h}", delayed = "${sertel.audit.verification.delay:5m}",
            identity = "audit-verification", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One verification now; the report, or empty when the trail could not be read (logged). */
    public Optional<VerificationReport> run() {
        try {
            VerificationReport report = verifier.verify(List.of());
            if (report.intact()) {
                LOG.debugf("Audit trail %s verified: %d records intact", report.trail(), report.records());
            } else {
                LOG.errorf("Audit trail %s: the scheduled verification has %d finding(s), the first: %s. An auditor's "
                        + "verification (POST …/audit/verification) names them all.", report.trail(), report.findings().size(),
                        report.findings().get(0).kind());
            }
            return Optional.of(report);
        } catch (RuntimeException e) {
            LOG.errorf(e, "The scheduled verification of the audit trail could not run");
            return Optional.empty();
        }
    }
}
