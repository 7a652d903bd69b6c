package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.config.WebhookConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Keeps webhook signing secrets encrypted at rest: AES-256-GCM under {@code WEBHOOK_SECRET_KEY}, a fresh 96-bit nonce
 * per encryption, the subscription id as associated data (a ciphertext copied onto another subscription's row does
 * not decrypt). Stored form: nonce || ciphertext || tag. A database dump alone reveals no secret. Made at start-up, so
 * a missing or malformed key stops the service at once rather than at the first webhook.
 */
@Startup
@ApplicationScoped
public class SecretBox {

    private static final Logger LOG = Logger.getLogger(SecretBox.class);
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(WebhookConfig config) {
        this.key = new SecretKeySpec(keyBytes(config), "AES");
    }

    public byte[] seal(UUID subscriptionId, String secret) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(subscriptionId));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", e);
        }
    }

    public String open(UUID subscriptionId, byte[] stored) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE));
            c.updateAAD(aad(subscriptionId));
            return new String(c.doFinal(stored, NONCE, stored.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt the webhook secret of subscription " + subscriptionId
                    + " (was WEBHOOK_SECRET_KEY changed?)", e);
        }
    }

    private static byte[] aad(UUID id) {
        return ("sertel-webhook:" + id).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] keyBytes(WebhookConfig config) {
        if (config.secretKey().isPresent() && !config.secretKey().get().isBlank()) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(config.secretKey().get().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("sertel.webhooks.secret-key (WEBHOOK_SECRET_KEY) is not base64");
            }
            if (raw.length != 32) {
                throw new IllegalStateException("sertel.webhooks.secret-key (WEBHOOK_SECRET_KEY) must be 32 bytes, base64 "
                        + "(openssl rand -base64 32); it has " + raw.length);
            }
            return raw;
        }
        if (!config.generateSecretKey()) {
            throw new IllegalStateException("Set WEBHOOK_SECRET_KEY (sertel.webhooks.secret-key): base64 of 32 random bytes");
        }
        LOG.warn("No WEBHOOK_SECRET_KEY: webhook secrets are encrypted under a key made for this process only");
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return raw;
    }
}
