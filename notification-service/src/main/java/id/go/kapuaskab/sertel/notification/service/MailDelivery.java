package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.client.CertificateClient;
import id.go.kapuaskab.sertel.notification.client.CertificateState;
import id.go.kapuaskab.sertel.notification.client.OutgoingMail;
import id.go.kapuaskab.sertel.notification.client.SmtpClient;
import id.go.kapuaskab.sertel.notification.config.MailConfig;
import id.go.kapuaskab.sertel.notification.config.ReminderConfig;
import id.go.kapuaskab.sertel.notification.config.SmtpConfig;
import id.go.kapuaskab.sertel.notification.domain.DeliveryKind;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.repository.DeliveryStore;
import id.go.kapuaskab.sertel.notification.repository.DeliveryStore.Sendable;
import id.go.kapuaskab.sertel.outbox.OutboxHandler;
import id.go.kapuaskab.sertel.outbox.OutboxItem;
import id.go.kapuaskab.sertel.outbox.Outcome;
import id.go.kapuaskab.sertel.support.pii.Pii;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Hands the messages of the delivery log to the mail server, one outbox item per message. A reminder that waited
 * long is checked again first: a certificate renewed or revoked meanwhile gets no mail. The outcome lands in the log
 * in the transaction that records the attempt: SENT, SKIPPED, RETRYING (with the next attempt) or FAILED.
 */
@ApplicationScoped
public class MailDelivery implements OutboxHandler {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);
    private static final String SKIPPED = "SKIPPED";

    private final DeliveryStore store;
    private final SmtpClient smtp;
    private final boolean sending;
    private final CertificateClient certificates;
    private final NotificationMetrics metrics;
    private final Duration recheckAfter;
    private final String messageIdDomain;
    private final Clock clock;

    MailDelivery(DeliveryStore store, SmtpClient smtp, SmtpConfig smtpConfig, CertificateClient certificates, NotificationMetrics metrics,
                 ReminderConfig reminders, MailConfig mail, Clock clock) {
        this.store = store;
        this.smtp = smtp;
        this.sending = smtpConfig.enabled();
        this.certificates = certificates;
        this.metrics = metrics;
        this.recheckAfter = reminders.recheckAfter();
        this.messageIdDomain = mail.messageIdDomain();
        this.clock = clock;
    }

    @Override
    public String topic() {
        return DeliveryStore.MAIL_TOPIC;
    }

    @Override
    public Outcome handle(OutboxItem item) {
        Optional<Sendable> found = store.sendable(UUID.fromString(item.reference()));
        if (found.isEmpty()) {
            return Outcome.dead("missing", "the message is not in the delivery log");
        }
        Sendable m = found.get();
        Optional<String> settled = settledCertificate(m);
        if (settled.isPresent()) {
            return Outcome.done(new Seen(m.kind(), settled.get())).withCode(SKIPPED).withDetail("not sent: the certificate is " + settled.get());
        }
        if (!sending) {
            LOG.infof("Mail %s to %s not sent: sertel.mail.smtp.enabled is false", m.id(), Pii.maskEmail(m.recipient()));
            return Outcome.done(new Seen(m.kind(), "MAIL_DISABLED")).withCode(SKIPPED).withDetail("not sent: mail is switched off");
        }
        Seen seen = new Seen(m.kind(), null);
        if (SmtpFailure.isUnusableAddress(m.recipient())) {
            return Outcome.dead("address", "unusable recipient address").withValue(seen);
        }
        try {
            smtp.send(new OutgoingMail(m.recipient(), m.subject(), m.text(), m.html(), Map.of(
                    "Message-ID", "<" + m.id() + "@" + messageIdDomain + ">",
                    "X-Sertel-Delivery", m.id().toString())));
            return Outcome.done(seen).withCode("250").withDetail("accepted");
        } catch (RuntimeException e) {
            SmtpFailure failure = SmtpFailure.of(e);
            String code = failure.code() == null ? null : failure.code().toString();
            LOG.debugf("Mail %s to %s: %s", m.id(), Pii.maskEmail(m.recipient()), failure.detail());
            return (failure.permanent() ? Outcome.dead(code, failure.detail()) : Outcome.retry(failure.detail()).withCode(code)).withValue(seen);
        }
    }

    @Override
    public void settle(OutboxItem item, Outcome outcome) {
        UUID id = UUID.fromString(item.reference());
        Instant now = clock.instant();
        Seen seen = outcome.value() instanceof Seen x ? x : new Seen("UNKNOWN", null);
        String kind = seen.kind();
        switch (outcome.kind()) {
            case DONE -> {
                boolean skipped = SKIPPED.equals(outcome.code());
                store.record(id, skipped ? DeliveryStatus.SKIPPED : DeliveryStatus.SENT, item.attempt(), null, skipped ? null : now, null,
                        seen.skipReason(), now);
                if (skipped) {
                    metrics.skipped(kind);
                } else {
                    metrics.sent(kind);
                }
            }
            case RETRY -> {
                Instant next = now.plus(outcome.retryAfterHint().orElse(Duration.ZERO));
                store.record(id, DeliveryStatus.RETRYING, item.attempt(), next, null, outcome.detail(), null, now);
                LOG.infof("Mail %s (attempt %d) failed, retrying at %s: %s", id, item.attempt(), next, outcome.detail());
            }
            case DEAD -> {
                store.record(id, DeliveryStatus.FAILED, item.attempt(), null, null, outcome.detail(), null, now);
                metrics.failed(kind);
                LOG.warnf("Giving up mail %s after %d attempt(s): %s", id, item.attempt(), outcome.detail());
            }
        }
        if (outcome.kind() != Outcome.Kind.RETRY && carriesSecret(kind)) {
            store.forgetContent(id);
        }
    }

    /** A reminder that waited long in the outbox is checked again: renewed or revoked meanwhile means no mail. */
    private Optional<String> settledCertificate(Sendable m) {
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

    /** A one-time link must not outlive its sending in the log: such a message keeps its subject, not its body. */
    private static boolean carriesSecret(String kind) {
        return java.util.Arrays.stream(DeliveryKind.values()).anyMatch(k -> k.name().equals(kind) && k.carriesSecret());
    }

    /** What {@code settle} needs from {@code handle}: the message's kind and, for a skip, why. */
    private record Seen(String kind, String skipReason) {
    }
}
