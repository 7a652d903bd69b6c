package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.config.CaConfig;
import id.go.kapuaskab.sertel.certificate.repository.CertificateRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed OCSP answers kept for re-use, as CAs commonly pre-sign them (RFC 5019 §6): an answer to a single-certificate
 * request without a nonce is the same bytes for every client until the status changes, so it is signed once and
 * served for {@code cache-max-age}. A nonce always gets a fresh signature. A status change evicts the answer twice:
 * at once in this replica, after the revocation commits, and within about a second in every other replica, which
 * polls {@code certificate.status_changed_at} (with an overlap, since commits can land out of timestamp order).
 */
@ApplicationScoped
public class OcspResponseCache {

    /** Fired in the transaction that changes a certificate's revocation status. */
    public record StatusChanged(String serial) {
    }

    /** What a cached answer is looked up by: the certificate and the hash algorithm of the request's CertID. */
    record Key(String serial, String hashAlgorithm) {
    }

    /** A signed answer and the status it gives (for the metrics: a cached answer is counted like a fresh one). */
    record Answer(byte[] der, String status) {
    }

    private record Entry(Answer answer, Instant signedAt) {
    }

    private static final Duration OVERLAP = Duration.ofSeconds(5);

    private final Map<Key, Entry> answers = new ConcurrentHashMap<>();
    private final CertificateRepository certificates;
    private final Clock clock;
    private final Duration maxAge;
    private final int size;
    private volatile Instant watermark;

    OcspResponseCache(CertificateRepository certificates, Clock clock, CaConfig config) {
        this.certificates = certificates;
        this.clock = clock;
        this.maxAge = config.ocsp().cacheMaxAge();
        this.size = config.ocsp().cacheSize();
        this.watermark = clock.instant();
    }

    Optional<Answer> get(Key key) {
        if (maxAge.isZero()) {
            return Optional.empty();
        }
        Entry e = answers.get(key);
        if (e == null || !clock.instant().isBefore(e.signedAt().plus(maxAge))) {
            return Optional.empty();
        }
        return Optional.of(e.answer());
    }

    void put(Key key, Answer answer, Instant signedAt) {
        if (maxAge.isZero()) {
            return;
        }
        if (answers.size() >= size) {
            answers.clear();
        }
        answers.put(key, new Entry(answer, signedAt));
    }

    void onStatusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusChanged change) {
        evict(change.serial());
    }

    private void evict(String serial) {
        answers.keySet().removeIf(k -> k.serial().equals(serial));
    }

    /** Changes committed by other replicas. */
    @Scheduled(every = "1s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "ocsp-cache-poll")
    void pollStatusChanges() {
        if (answers.isEmpty()) {
            watermark = clock.instant().minus(OVERLAP);
            return;
        }
        Instant since = watermark.minus(OVERLAP);
        List<Object[]> changed = QuarkusTransaction.requiringNew().call(() -> certificates.statusChangedSince(since, 10_000));
        Instant latest = watermark;
        for (Object[] row : changed) {
            evict((String) row[0]);
            Instant at = (Instant) row[1];
            if (at.isAfter(latest)) {
                latest = at;
            }
        }
        watermark = latest;
    }
}
