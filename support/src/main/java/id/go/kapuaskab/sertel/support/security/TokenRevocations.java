package id.go.kapuaskab.sertel.support.security;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes a change of who someone is take effect within seconds in every service without giving up the stateless
 * token check: the issuer raises an account's token version ({@code ver}) when it is deactivated, loses or gains an
 * institution, or resets its password, and publishes, for the last minutes only, each changed account's minimum
 * version under a fingerprint of its subject. Every service polls that short list
 * ({@code sertel.auth.revocations-poll}, default 2 s) and refuses a token of a listed subject whose {@code ver} is
 * lower: its owner refreshes (and gets the new truth) or, when deactivated, cannot. While the list cannot be read
 * the last one read stays in force.
 */
@ApplicationScoped
public class TokenRevocations {

    private static final Logger LOG = Logger.getLogger(TokenRevocations.class);

    private final RevocationSource source;
    private final Duration poll;
    private volatile Map<String, Integer> minimum = Map.of();
    private volatile boolean failing;
    private ScheduledExecutorService poller;

    TokenRevocations(RevocationSource source, @ConfigProperty(name = "sertel.auth.revocations-poll", defaultValue = "PT2S") Duration poll) {
        this.source = source;
        this.poll = poll;
    }

    void start(@Observes StartupEvent event) {
        refresh();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "token-revocations");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::refresh, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** Reads the list now (also what the poller does). */
    public void refresh() {
        try {
            Optional<Map<String, Integer>> read = source.minimumVersions();
            minimum = read.map(Map::copyOf).orElse(Map.of());
            if (failing) {
                LOG.info("The token revocation list is readable again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("The token revocation list cannot be read (%s); the last one read stays in force", e.getMessage());
                failing = true;
            }
        }
    }

    /** Whether a token of this subject with this {@code ver} claim (a number, or absent) is no longer good. */
    public boolean revoked(String subject, Object versionClaim) {
        if (subject == null || minimum.isEmpty()) {
            return false;
        }
        Integer min = minimum.get(fingerprint(subject));
        if (min == null) {
            return false;
        }
        int version = versionClaim instanceof Number n ? n.intValue()
                : versionClaim instanceof jakarta.json.JsonNumber n ? n.intValue() : -1;
        return version < min;
    }

    /** What the list names instead of the subject: base64url of its SHA-256, 128 bits. */
    public static String fingerprint(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
