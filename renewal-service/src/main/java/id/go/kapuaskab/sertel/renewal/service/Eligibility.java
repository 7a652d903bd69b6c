package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.ApplicantClient;
import id.go.kapuaskab.sertel.renewal.client.ApplicantSnapshot;
import id.go.kapuaskab.sertel.renewal.client.CaRecords;
import id.go.kapuaskab.sertel.renewal.client.CertificateClient;
import id.go.kapuaskab.sertel.renewal.config.WorkflowConfig;
import id.go.kapuaskab.sertel.renewal.domain.RequestType;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The guards that depend on the applicant's data and certificates, read from their owners at the moment of the
 * command: ISSUANCE needs an active applicant without an ACTIVE certificate; RENEWAL a certificate expiring
 * within the window or expired within the grace period; REVOCATION an ACTIVE or SUSPENDED certificate of theirs.
 */
@ApplicationScoped
public class Eligibility {

    private final ApplicantClient applicants;
    private final CertificateClient certificates;
    private final WorkflowConfig config;
    private final Clock clock;

    Eligibility(ApplicantClient applicants, CertificateClient certificates, WorkflowConfig config, Clock clock) {
        this.applicants = applicants;
        this.certificates = certificates;
        this.config = config;
        this.clock = clock;
    }

    /** The applicant's current data; 422 when applicant-service does not know them, 503 when it cannot be reached. */
    public ApplicantSnapshot applicant(UUID applicantId) {
        return Peers.call("request.applicant-service-unavailable", () -> applicants.snapshot(applicantId))
                .orElseThrow(() -> DomainException.invalid("request.applicant-unknown"));
    }

    /** The same with the verifiers of the applicant's institution, whom a submission's event names: one read for both. */
    public ApplicantSnapshot applicantAndVerifiers(UUID applicantId) {
        return Peers.call("request.applicant-service-unavailable", () -> applicants.snapshotWithVerifiers(applicantId))
                .orElseThrow(() -> DomainException.invalid("request.applicant-unknown"));
    }

    public void requireActive(ApplicantSnapshot applicant) {
        if (!applicant.active()) {
            throw DomainException.invalid("request.applicant-not-active", applicant.status());
        }
    }

    /**
     * Checks the certificate guard of the type and returns the serial the request is about: the predecessor of a
     * renewal, the certificate to revoke, or null for an issuance. Each guard looks only at certificates neither
     * superseded nor revoked, so only those are asked for.
     */
    public String certificateFor(RequestType type, UUID holderId, String requestedSerial) {
        List<CaRecords.Certificate> held = Peers.call("request.ca-unavailable", () -> certificates.openOfHolder(holderId));
        Instant now = clock.instant();
        return switch (type) {
            case ISSUANCE -> {
                if (held.stream().anyMatch(c -> "ACTIVE".equals(c.status()) && c.notAfter().isAfter(now))) {
                    throw DomainException.invalid("request.active-certificate-exists");
                }
                yield null;
            }
            case RENEWAL -> renewable(held, now, requestedSerial)
                    .orElseThrow(() -> DomainException.invalid("request.no-renewable-certificate",
                            config.renewalWindow().toDays(), config.gracePeriod().toDays()))
                    .serial();
            case REVOCATION -> {
                String serial = requestedSerial == null ? null : requestedSerial.toLowerCase(Locale.ROOT);
                yield held.stream()
                        .filter(c -> c.serial().equalsIgnoreCase(serial))
                        .filter(c -> "ACTIVE".equals(c.status()) || "SUSPENDED".equals(c.status()))
                        .findFirst()
                        .orElseThrow(() -> DomainException.invalid("request.certificate-not-revocable", String.valueOf(requestedSerial)))
                        .serial();
            }
        };
    }

    /** The certificate a revocation would be about when nobody named one: the newest ACTIVE or SUSPENDED one. */
    public Optional<String> revocable(UUID holderId) {
        List<CaRecords.Certificate> held = Peers.call("request.ca-unavailable", () -> certificates.openOfHolder(holderId));
        return held.stream().filter(c -> "ACTIVE".equals(c.status()) || "SUSPENDED".equals(c.status()))
                .max(Comparator.comparing(CaRecords.Certificate::notAfter)).map(CaRecords.Certificate::serial);
    }

    /**
     * A certificate not yet superseded, revoked or suspended whose expiry is within the window ahead or the grace
     * period behind. The CA reports EXPIRED by its own clock; the window is judged by ours.
     */
    private Optional<CaRecords.Certificate> renewable(List<CaRecords.Certificate> held, Instant now, String requestedSerial) {
        Instant windowEnd = now.plus(config.renewalWindow());
        Instant graceStart = now.minus(config.gracePeriod());
        return held.stream()
                .filter(c -> "ACTIVE".equals(c.status()) || "EXPIRED".equals(c.status()))
                .filter(c -> c.successorSerial() == null)
                .filter(c -> !c.notAfter().isAfter(windowEnd) && !c.notAfter().isBefore(graceStart))
                .filter(c -> requestedSerial == null || c.serial().equalsIgnoreCase(requestedSerial))
                .max(Comparator.comparing(CaRecords.Certificate::notAfter));
    }
}
