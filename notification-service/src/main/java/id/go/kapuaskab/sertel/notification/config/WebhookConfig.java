package id.go.kapuaskab.sertel.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Webhooks of regional systems: how their signing secrets are kept, which targets may be called, how long an
 * answer may take, and when a failing subscription is switched off. The retry schedule is the outbox topic's
 * ({@code sertel.outbox.topics."webhook".*}).
 */
@ConfigMapping(prefix = "sertel.webhooks")
public interface WebhookConfig {

    /**
     * {@code sertel.webhooks.secret-key} ({@code WEBHOOK_SECRET_KEY}), no default: base64 of 32 random bytes
     * ({@code openssl rand -base64 32}), the AES-256-GCM key the subscriptions' signing secrets are encrypted under.
     * Required unless {@link #generateSecretKey()}.
     */
    Optional<String> secretKey();

    /**
     * {@code sertel.webhooks.generate-secret-key}, default {@code false}: without a key, make a random one at start-up
     * (tests and dev mode only: secrets stored under it are unreadable after a restart).
     */
    @WithDefault("false")
    boolean generateSecretKey();

    /** {@code sertel.webhooks.require-https}, default {@code true}: only {@code https} targets (false in %test and %local). */
    @WithDefault("true")
    boolean requireHttps();

    /**
     * {@code sertel.webhooks.allowed-hosts}, default none: host names or IP literals that may be targets even though
     * they resolve to private, loopback or link-local addresses (a receiver inside the regency's network).
     */
    Optional<Set<String>> allowedHosts();

    /** {@code sertel.webhooks.timeout}, default {@code PT5S}: how long a receiver may take to answer, connection included. */
    @WithDefault("PT5S")
    Duration timeout();

    /** {@code sertel.webhooks.rotation-overlap}, default {@code PT24H}: how long the previous secret still signs after a rotation. */
    @WithDefault("PT24H")
    Duration rotationOverlap();

    /**
     * {@code sertel.webhooks.disable-after}, default {@code P1D}: a subscription whose deliveries have failed without a
     * success for this long is disabled (and its owner mailed), as is one whose delivery gives up (DEAD) or whose
     * receiver answers 410.
     */
    @WithDefault("P1D")
    Duration disableAfter();

    /** {@code sertel.webhooks.max-per-owner}, default {@code 20}: subscriptions one integration client may hold. */
    @WithDefault("20")
    int maxPerOwner();
}
