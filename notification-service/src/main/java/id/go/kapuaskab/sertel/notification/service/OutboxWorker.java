package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.client.CertificateClient;
import id.go.kapuaskab.sertel.notification.client.CertificateState;
import id.go.kapuaskab.sertel.notification.config.MailConfig;
import id.go.kapuaskab.sertel.notification.config.OutboxConfig;
import id.go.kapuaskab.sertel.notification.config.ReminderConfig;
import id.go.kapuaskab.sertel.notification.domain.AttemptOutcome;
import id.go.kapuaskab.sertel.notification.domain.DeliveryKind;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.repository.OutboxStore;
import id.go.kapuaskab.sertel.notification.repository.OutboxStore.Claimed;
import id.go.kapuaskab.sertel.support.pii.Pii;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Drains the outbox to the SMTP server: claims due messages in batches, sends them in parallel on a bounded pool
 * (one SMTP connection per sender, see {@code quarkus.mailer.max-pool-size}), and records every attempt. Transient
 * failures come back with exponential back-off; permanent ones (5xx, unusable address) are FAILED at once. Every
 * replica runs one; the database decides who sends what.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);

    private final OutboxStore store;
    private final Mailer mailer;
    private final CertificateClient certificates;
    private final OutboxConfig config;
    private final Duration recheckAfter;
    private final String messageIdDomain;
    private final Clock clock;
    private final NotificationMetrics metrics;
    private final Backoff backoff;
    private final String worker;
    private final ExecutorService senders;
    private final ExecutorService nudger = Executors.newSingleThreadExecutor(r -> daemon(r, "outbox-nudge"));
    private final AtomicBoolean nudgeQueued = new AtomicBoolean();

    OutboxWorker(OutboxStore store, Mailer mailer, CertificateClient certificates, OutboxConfig config, ReminderConfig reminders,
                 MailConfig mail, Clock clock, NotificationMetrics metrics) {
        this.store = store;
        this.mailer = mailer;
        this.certificates = certificates;
        this.config = config;
        this.recheckAfter = reminders.recheckAfter();
        this.messageIdDomain = mail.messageIdDomain();
        this.clock = clock;
        this.metrics = metrics;
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.worker = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(1, config.parallelism()), r -> daemon(r, "mail-sender-" + n.incrementAndGet()));
    }

    /** Sends every message due now, batch after batch, until none is left; returns how many attempts were made. */
    public int drain() {
        int attempts = 0;
        while (true) {
            List<Claimed> batch = store.claim(worker, clock.instant(), config.lease(), config.batchSize());
            if (batch.isEmpty()) {
                return attempts;
            }
            List<Future<?>> running = new ArrayList<>(batch.size());
            for (Claimed m : batch) {
                running.add(senders.submit(() -> deliver(m)));
            }
            for (Future<?> f : running) {
                await(f);
            }
            attempts += batch.size();
        }
    }

    @Scheduled(every = "{sertel.outbox.poll-every}", delayed = "10s", identity = "outbox-poll",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drainQuietly();
    }

    /** Starts a drain soon, on this replica, without waiting for the next poll (messages were just committed). */
    public void nudge() {
        if (config.sendAfterCommit() && nudgeQueued.compareAndSet(false, true)) {
            nudger.execute(() -> {
                nudgeQueued.set(false);
                drainQuietly();
            });
        }
    }

    /** Sends one claimed message and records the attempt. */
    void deliver(Claimed m) {
        try {
            Optional<String> settled = settledCertificate(m);
            if (settled.isPresent()) {
                store.finish(m, DeliveryStatus.SKIPPED, AttemptOutcome.SKIPPED, clock.instant(), null, null,
                        "not sent: the certificate is " + settled.get(), settled.get());
                metrics.skipped(m.kind());
                return;
            }
            if (SmtpFailure.isUnusableAddress(m.recipient())) {
                fail(m, new SmtpFailure(true, null, "unusable recipient address"));
                return;
            }
            send(m);
            store.finish(m, DeliveryStatus.SENT, AttemptOutcome.SENT, clock.instant(), null, 250, "accepted", null);
            metrics.sent(m.kind());
        } catch (RuntimeException e) {
            fail(m, SmtpFailure.of(e));
        }
    }

    /** One send; a 421 (the server closed the channel, nothing accepted) is resent once at once on a new connection. */
    private void send(Claimed m) {
        Mail mail = Mail.withText(m.recipient(), m.subject(), m.text()).setHtml(m.html())
                .addHeader("Message-ID", "<" + m.id() + "@" + messageIdDomain + ">")
                .addHeader("X-Sertel-Delivery", m.id().toString());
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            if (!SmtpFailure.of(e).serverClosedChannel()) {
                throw e;
            }
            LOG.debugf("Mail %s: the server closed the channel (421) before taking it; resending on a new connection", m.id());
            mailer.send(mail);
        }
    }

    private void fail(Claimed m, SmtpFailure failure) {
        Instant now = clock.instant();
        boolean giveUp = failure.permanent() || m.attempt() >= config.maxAttempts();
        if (giveUp) {
            store.finish(m, DeliveryStatus.FAILED, failure.permanent() ? AttemptOutcome.PERMANENT : AttemptOutcome.TRANSIENT, now, null,
                    failure.code(), failure.detail(), null);
            metrics.failed(m.kind());
            LOG.warnf("Giving up %s to %s after %d attempt(s): %s", m.id(), Pii.maskEmail(m.recipient()), m.attempt(), failure.detail());
        } else {
            Instant next = now.plus(backoff.after(m.attempt()));
            store.finish(m, DeliveryStatus.RETRYING, AttemptOutcome.TRANSIENT, now, next, failure.code(), failure.detail(), null);
            LOG.infof("Mail %s to %s failed (attempt %d), retrying at %s: %s", m.id(), Pii.maskEmail(m.recipient()), m.attempt(), next,
                    failure.detail());
        }
    }

    /** A reminder that waited long in the outbox is checked again: renewed or revoked meanwhile means no mail. */
    private Optional<String> settledCertificate(Claimed m) {
        if (!DeliveryKind.EXPIRY_REMINDER.name().equals(m.kind()) || m.certificateSerial() == null
                || m.createdAt().plus(recheckAfter).isAfter(clock.instant())) {
            return Optional.empty();
        }
        Optional<CertificateState> state = certificates.find(m.certificateSerial());
        if (state.isEmpty()) {
            return Optional.of("CERTIFICATE_UNKNOWN");
        }
        return state.get().isSettled() ? Optional.of(state.get().settledReason()) : Optional.empty();
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Draining the outbox failed; the next poll tries again");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    /** Stops the sender threads, letting running sends finish. */
    public void close() {
        nudger.shutdownNow();
        senders.shutdown();
        try {
            senders.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending", e);
        } catch (ExecutionException e) {
            LOG.errorf(e.getCause(), "A send task failed unexpectedly; its lease runs out and another worker retries it");
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "notification-service" : host;
    }
}
