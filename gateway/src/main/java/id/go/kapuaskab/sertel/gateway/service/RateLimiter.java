package id.go.kapuaskab.sertel.gateway.service;

import id.go.kapuaskab.sertel.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets per client: one family for ordinary calls (keyed by token subject, or by address when
 * there is no token) and a stricter one for the login endpoint (keyed by address). In memory, per
 * replica: with N gateway replicas a client gets at most N times the limit, which the limits allow for.
 */
@ApplicationScoped
public class RateLimiter {

    /** The answer for one call: allowed, or wait this many seconds. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    private final Family general;
    private final Family login;
    private final GatewayConfig.RateLimit settings;

    RateLimiter(GatewayConfig config) {
        this.settings = config.rateLimit();
        this.general = new Family(settings.requestsPerSecond(), settings.burst(), settings.maxClients());
        this.login = new Family(settings.loginPerMinute() / 60.0, settings.loginBurst(), settings.maxClients());
    }

    public Decision take(String client) {
        return general.take(client);
    }

    public Decision takeLogin(String address) {
        return login.take(address);
    }

    public boolean isLoginPath(String path) {
        return settings.loginPaths().contains(path);
    }

    private static final class Family {
        private final double perNano;
        private final double capacity;
        private final int maxClients;
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

        Family(double perSecond, int capacity, int maxClients) {
            this.perNano = perSecond / TimeUnit.SECONDS.toNanos(1);
            this.capacity = capacity;
            this.maxClients = maxClients;
        }

        Decision take(String key) {
            long now = System.nanoTime();
            if (buckets.size() >= maxClients && !buckets.containsKey(key)) {
                evictIdle(now);
            }
            Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
            return bucket.take(now, perNano, capacity);
        }

        /** Drops buckets that have refilled completely: forgetting them changes no decision. */
        private void evictIdle(long now) {
            buckets.entrySet().removeIf(e -> e.getValue().isFull(now, perNano, capacity));
            if (buckets.size() >= maxClients) {
                buckets.clear();
            }
        }
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized Decision take(long now, double perNano, double capacity) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Decision.ALLOWED;
            }
            double waitNanos = (1 - tokens) / perNano;
            return new Decision(false, Math.max(1, (long) Math.ceil(waitNanos / TimeUnit.SECONDS.toNanos(1))));
        }

        synchronized boolean isFull(long now, double perNano, double capacity) {
            return tokens + (now - last) * perNano >= capacity;
        }
    }
}
