package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.client.CaRecords;
import id.go.kapuaskab.sertel.renewal.client.CertificateClient;
import id.go.kapuaskab.sertel.renewal.client.NotificationClient;
import id.go.kapuaskab.sertel.renewal.client.PeerRejected;
import id.go.kapuaskab.sertel.renewal.config.OutboxConfig;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.RequestState;
import id.go.kapuaskab.sertel.renewal.repository.OutboxRepository;
import id.go.kapuaskab.sertel.renewal.repository.RequestRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * One attempt at one outbox entry. The CA call happens outside any transaction; its result is stored, and the
 * entry marked done, in one transaction under the request's lock. A crash between the CA's signature and that
 * commit leaves the entry due again, and the retry gets the same certificate back from the CA (same request id):
 * nothing is lost and nothing is issued twice. Unreachable peers are retried with capped exponential back-off;
 * a refusal (4xx) is kept with its error for admins, not retried.
 */
@ApplicationScoped
public class OutboxProcessor {

    private static final Logger LOG = Logger.getLogger(OutboxProcessor.class);

    private final OutboxRepository entries;
    private final RequestRepository requests;
    private final CertificateClient certificates;
    private final NotificationClient notifications;
    private final IssueCalls issueCalls;
    private final Completion completion;
    private final OutboxConfig config;

    OutboxProcessor(OutboxRepository entries, RequestRepository requests, CertificateClient certificates,
                    NotificationClient notifications, IssueCalls issueCalls, Completion completion, OutboxConfig config) {
        this.entries = entries;
        this.requests = requests;
        this.certificates = certificates;
        this.notifications = notifications;
        this.issueCalls = issueCalls;
        this.completion = completion;
        this.config = config;
    }

    public void process(OutboxRepository.Claimed entry) {
        try {
            switch (entry.kind()) {
                case EVENT -> {
                    notifications.deliver(entry.payload());
                    QuarkusTransaction.requiringNew().run(() -> entries.done(entry.id()));
                }
                case CA_ISSUE -> issue(entry);
                case CA_REVOKE -> revoke(entry);
            }
        } catch (PeerRejected e) {
            LOG.warnf("Outbox entry %s (%s, request %s) refused: %s", entry.id(), entry.kind(), entry.requestId(), e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> entries.gaveUp(entry.id(), e.status() + " " + e.code()));
        } catch (RuntimeException e) {
            Duration wait = backoff(entry.attempts());
            LOG.debugf("Outbox entry %s (%s) failed, attempt %d, next in %s: %s", entry.id(), entry.kind(), entry.attempts(), wait, e);
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> entries.failed(entry.id(), error, wait));
        }
    }

    private void issue(OutboxRepository.Claimed entry) {
        CertificateRequest seen = QuarkusTransaction.requiringNew().call(() -> requests.findById(entry.requestId()));
        if (seen.state != RequestState.ISSUING) {
            QuarkusTransaction.requiringNew().run(() -> entries.done(entry.id()));
            return;
        }
        if (seen.keyGeneration) {
            QuarkusTransaction.requiringNew().run(() -> entries.gaveUp(entry.id(),
                    "a server-generated key is collected by the applicant, not issued from the outbox"));
            return;
        }
        CaRecords.Issued issued = certificates.issue(issueCalls.body(seen, null));
        finish(entry, issued.serial(), issued);
    }

    private void revoke(OutboxRepository.Claimed entry) {
        CertificateRequest seen = QuarkusTransaction.requiringNew().call(() -> requests.findById(entry.requestId()));
        if (seen.state != RequestState.ISSUING) {
            QuarkusTransaction.requiringNew().run(() -> entries.done(entry.id()));
            return;
        }
        certificates.revoke(seen.certificateSerial, new CaRecords.Revocation(seen.id, seen.revocationReason.name(), null));
        finish(entry, null, null);
    }

    private void finish(OutboxRepository.Claimed entry, String serial, CaRecords.Issued issued) {
        QuarkusTransaction.requiringNew().run(() -> {
            CertificateRequest r = requests.findById(entry.requestId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (r.state == RequestState.ISSUING) {
                completion.complete(r, Actor.SYSTEM, serial, issued == null ? null : issued.notBefore(),
                        issued == null ? null : issued.notAfter());
            }
            entries.done(entry.id());
        });
    }

    /** Exponential back-off from the initial wait, doubled per attempt, capped, with up to 20% jitter. */
    public Duration backoff(int attempts) {
        long initial = config.backoffInitial().toMillis();
        long cap = config.backoffMax().toMillis();
        long wait = initial;
        for (int i = 1; i < attempts && wait < cap; i++) {
            wait *= 2;
        }
        wait = Math.min(wait, cap);
        return Duration.ofMillis(wait + ThreadLocalRandom.current().nextLong(Math.max(1, wait / 5)));
    }
}
