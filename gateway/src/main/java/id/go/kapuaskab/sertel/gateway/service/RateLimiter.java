package id.go.kapuaskab.sertel.gateway.service;

import id.go.kapuaskab.sertel.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets per client: one family for ordinary calls (keyed by token subject, or by address when
 * there is no token) and a stricter one for the login endpoint (keyed by address). In memory; with peers
 * ({@link RateLimitPeers}) each replica also counts the calls the others let through ({@link #debit}), so the
 * limits hold for the deployment as a whole, give or take the calls of about one share period.
 */
@ApplicationScoped
public class RateLimiter {

    /** The answer for one call: allowed, or wait this many seconds. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    /** The two families of buckets, by the name peers use for them. */
    public enum Family {
        GENERAL, LOGIN
    }

    private final Buckets general;
    private final Buckets login;
    private final GatewayConfig.RateLimit settings;

    RateLimiter(GatewayConfig config) {
        this.settings = config.rateLimit();
        boolean shared = RateLimitPeers.enabled(settings.peers());
        this.general = new Buckets(settings.requestsPerSecond(), settings.burst(), settings.maxClients(), shared);
        this.login = new Buckets(settings.loginPerMinute() / 60.0, settings.loginBurst(), settings.maxClients(), shared);
    }

    public Decision take(String client) {
        return general.take(client);
    }

    public Decision takeLogin(String address) {
        return login.take(address);
    }

    /** The calls let through per client since the last drain (only counted when sharing is on). */
    public Map<String, Integer> drainUsage(Family family) {
        return buckets(family).drainUsage();
    }

    /** Counts calls another replica let through against this replica's buckets. */
    public void debit(Family family, String client, int calls) {
        buckets(family).debit(client, calls);
    }

    private Buckets buckets(Family family) {
        return family == Family.GENERAL ? general : login;
    }

    public boolean isLoginPath(String path) {
        return settings.loginPaths().contains(path);
    }

    private static final class Buckets {
        private final double perNano;
        private final double capacity;
        private final int maxClients;
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
        private final boolean shared;
        private final Map<String, Integer> usage = new ConcurrentHashMap<>();

        Buckets(double perSecond, int capacity, int maxClients, boolean shared) {
            this.perNano = perSecond / TimeUnit.SECONDS.toNanos(1);
            this.capacity = capacity;
            this.maxClients = maxClients;
            this.shared = shared;
        }

        Decision take(String key) {
            long now = System.nanoTime();
            Decision d = bucket(key, now).take(now, perNano, capacity);
            if (d.allowed() && shared) {
                usage.merge(key, 1, Integer::sum);
            }
            return d;
        }

        void debit(String key, int calls) {
            long now = System.nanoTime();
            bucket(key, now).debit(now, perNano, capacity, calls);
        }

        /** Each client's count taken out whole (a call counted meanwhile starts a new count, told the next time). */
        Map<String, Integer> drainUsage() {
            if (usage.isEmpty()) {
                return Map.of();
            }
            Map<String, Integer> out = new HashMap<>();
            for (String key : usage.keySet()) {
                Integer n = usage.remove(key);
                if (n != null) {
                    out.put(key, n);
                }
            }
            return out;
        }

        private Bucket bucket(String key, long now) {
            if (buckets.size() >= maxClients && !buckets.containsKey(key)) {
                evictIdle(now);
            }
            return buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        }

        /**
         * Drops buckets that have refilled completely: forgetting them changes no decision. When that frees less than a
         * tenth of the room, every bucket is forgotten: a scan of them all then comes at most once per tenth of
         * {@code max-clients} new clients, not once per new client.
         */
        private void evictIdle(long now) {
            buckets.entrySet().removeIf(e -> e.getValue().isFull(now, perNano, capacity));
            if (buckets.size() >= maxClients - Math.max(1, maxClients / 10)) {
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

        /**
         * Calls let through elsewhere: the bucket may go below zero (down to minus its capacity), so that calls another
         * replica let through before it heard of this one's are paid back by waiting.
         */
        synchronized void debit(long now, double perNano, double capacity, int calls) {
            tokens = Math.max(-capacity, Math.min(capacity, tokens + (now - last) * perNano) - calls);
            last = now;
        }

        synchronized boolean isFull(long now, double perNano, double capacity) {
            return tokens + (now - last) * perNano >= capacity;
        }
    }
}
