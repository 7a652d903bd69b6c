package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryKind;
import id.go.kapuaskab.sertel.notification.repository.DeliveryStore;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One-off mails other services hand over (applicant-service's account mails: e-mail confirmation, password reset and
 * change, second factor, new device, deactivation), idempotent by message id. Times in the parameters ({@code at},
 * {@code expiresAt}, ISO-8601) are written out in WIB in the recipient's language.
 */
@ApplicationScoped
public class OneOffMessages {

    private static final Set<DeliveryKind> TEMPLATES = Set.of(DeliveryKind.EMAIL_VERIFICATION, DeliveryKind.PASSWORD_RESET,
            DeliveryKind.PASSWORD_CHANGED, DeliveryKind.MFA_ENABLED, DeliveryKind.MFA_DISABLED, DeliveryKind.NEW_DEVICE,
            DeliveryKind.ACCOUNT_DEACTIVATED);

    private final DeliveryStore store;
    private final MailComposer composer;
    private final Clock clock;

    OneOffMessages(DeliveryStore store, MailComposer composer, Clock clock) {
        this.store = store;
        this.composer = composer;
        this.clock = clock;
    }

    /** Queues the message; false when a message with this id was queued before (nothing new is sent). */
    public boolean accept(UUID messageId, String template, String to, String language, Map<String, String> params) {
        DeliveryKind kind = TEMPLATES.stream().filter(k -> k.name().equals(template)).findFirst()
                .orElseThrow(() -> DomainException.invalidField("template", "unknown-template", template));
        String lang = MailComposer.lang(language);
        Map<String, Object> data = new HashMap<>(params == null ? Map.of() : params);
        data.putIfAbsent("name", data.getOrDefault("fullName", ""));
        data.putIfAbsent("link", "");
        for (String time : List.of("expiresAt", "at")) {
            Object value = data.get(time);
            if (value != null) {
                try {
                    data.put(time, composer.when(Instant.parse(value.toString()), lang));
                } catch (DateTimeParseException e) {
                    throw DomainException.invalidField("params." + time, "invalid-value", value);
                }
            }
        }
        Instant now = clock.instant();
        Delivery d = Delivery.pending(kind.name(), "message:" + messageId, now).to(null, to, lang)
                .content(composer.render(kind, lang, data));
        return QuarkusTransaction.requiringNew().call(() -> store.add(d));
    }
}
