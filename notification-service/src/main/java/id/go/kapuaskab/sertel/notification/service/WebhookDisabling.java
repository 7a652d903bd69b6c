package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryKind;
import id.go.kapuaskab.sertel.notification.domain.Subscription;
import id.go.kapuaskab.sertel.notification.repository.DeliveryStore;
import id.go.kapuaskab.sertel.notification.repository.SubscriptionStore;
import id.go.kapuaskab.sertel.support.pii.Pii;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Switches off a subscription whose receiver keeps failing (a delivery given up, failing for longer than
 * {@code disable-after}) or is gone (410), and tells its owner by mail, through the service's own mail path: the
 * message is logged and queued in the same transaction, and only by the one caller that actually disabled it.
 */
@ApplicationScoped
public class WebhookDisabling {

    private static final Logger LOG = Logger.getLogger(WebhookDisabling.class);

    /** Why the service disabled a subscription. */
    public enum Reason {
        /** The receiver answered 410 Gone. */
        GONE,
        /** A delivery was given up after its last attempt. */
        FAILED,
        /** Deliveries have failed without a success for longer than {@code disable-after}. */
        FAILING
    }

    private final SubscriptionStore subscriptions;
    private final DeliveryStore mail;
    private final MailComposer composer;
    private final WebhookMetrics metrics;

    WebhookDisabling(SubscriptionStore subscriptions, DeliveryStore mail, MailComposer composer, WebhookMetrics metrics) {
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.composer = composer;
        this.metrics = metrics;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void disable(Subscription s, Reason reason, Instant now) {
        if (!subscriptions.disable(s.id(), reason.name(), now)) {
            return;
        }
        metrics.disabledFor(reason.name());
        LOG.warnf("Webhook subscription %s disabled (%s); mailing its owner %s", s.id(), reason, Pii.maskEmail(s.contactEmail()));
        Map<String, Object> data = new HashMap<>();
        data.put("subscriptionId", s.id().toString());
        data.put("url", s.url());
        data.put("reason", reason.name());
        data.put("disabledAt", composer.when(now, s.language()));
        Delivery d = Delivery.pending(DeliveryKind.WEBHOOK_DISABLED.name(), "webhook-disabled:" + s.id() + ":" + now.toEpochMilli(), now)
                .to(null, s.contactEmail(), s.language())
                .content(composer.render(DeliveryKind.WEBHOOK_DISABLED, s.language(), data));
        mail.add(d);
    }
}
