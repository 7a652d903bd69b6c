package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.config.WebhookConfig;
import id.go.kapuaskab.sertel.support.crypto.SealedValues;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps webhook signing secrets encrypted at rest with support's {@link SealedValues} under {@code WEBHOOK_SECRET_KEY},
 * the subscription id as associated data (a ciphertext copied onto another subscription's row does not decrypt). A
 * database dump alone reveals no secret. Made at start-up, so a missing or malformed key stops the service at once
 * rather than at the first webhook.
 */
@Startup
@ApplicationScoped
public class SecretBox {

    private static final Logger LOG = Logger.getLogger(SecretBox.class);
    private static final String SETTING = "sertel.webhooks.secret-key (WEBHOOK_SECRET_KEY)";

    private final SealedValues box;

    SecretBox(WebhookConfig config) {
        this.box = box(config);
    }

    public byte[] seal(UUID subscriptionId, String secret) {
        return box.seal(secret.getBytes(StandardCharsets.UTF_8), owner(subscriptionId));
    }

    public String open(UUID subscriptionId, byte[] stored) {
        try {
            return new String(box.open(stored, owner(subscriptionId)), StandardCharsets.UTF_8);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Cannot decrypt the webhook secret of subscription " + subscriptionId
                    + " (was WEBHOOK_SECRET_KEY changed?)", e);
        }
    }

    private static String owner(UUID id) {
        return "sertel-webhook:" + id;
    }

    private static SealedValues box(WebhookConfig config) {
        if (config.secretKey().isPresent() && !config.secretKey().get().isBlank()) {
            return SealedValues.ofBase64(config.secretKey().get(), SETTING);
        }
        if (!config.generateSecretKey()) {
            throw new IllegalStateException("Set WEBHOOK_SECRET_KEY (sertel.webhooks.secret-key): base64 of 32 random bytes");
        }
        LOG.warn("No WEBHOOK_SECRET_KEY: webhook secrets are encrypted under a key made for this process only");
        return SealedValues.ephemeral();
    }
}
