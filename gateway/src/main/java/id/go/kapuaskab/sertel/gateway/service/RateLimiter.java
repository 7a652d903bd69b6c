package id.go.kapuaskab.sertel.gateway.service;

import id.go.kapuaskab.sertel.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Token buckets per client: one family for ordinary calls (keyed by token subject, or by address when
 * there is no token) and a stricter one for the login endpoint (keyed by address). In memory; with peers
 * ({@link RateLimitPeers}) each replica also counts the calls the others let through ({@link #debit}), so the
 * limits hold for the deployment as a whole, give or take the calls of one share period.
 */
@ApplicationScoped
public class RateLimiter {

    /** The answer for one call: allowed, or wait this many seconds. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    /** The two families, by the name peers use for them. */
    public enum Kind {
        GENERAL, LOGIN
    }

    private final Family general;
    private final Family login;
    private final GatewayConfig.RateLimit settings;

    RateLimiter(GatewayConfig config) {
        this.settings = config.rateLimit();
        boolean shared = settings.peers().secret().filter(k -> !k.isBlank()).isPresent();
        this.general = new Family(settings.requestsPerSecond(), settings.burst(), settings.maxClients(), shared);
        this.login = new Family(settings.loginPerMinute() / 60.0, settings.loginBurst(), settings.maxClients(), shared);
    }

    public Decision take(String client) {
        return general.take(client);
    }

    public Decision takeLogin(String address) {
        return login.take(address);
    }

    /** The calls let through per client since the last drain (only counted when there are peers to tell). */
    public Map<String, Integer> drainUsage(Kind kind) {
        return family(kind).drainUsage();
    }

    /** Counts calls another replica let through against this replica's buckets. */
    public void debit(Kind kind, String client, int calls) {
        family(kind).debit(client, calls);
    }

    private Family family(Kind kind) {
        return kind == Kind.GENERAL ? general : login;
    }

    public boolean isLoginPath(String path) {
        return settings.loginPaths().contains(path);
    }

    private static final class Family {
        private final double perNano;
        private final double capacity;
        private final int maxClients;
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
        private final boolean shared;
        private volatile Map<String, AtomicInteger> usage = new ConcurrentHashMap<>();

        Family(double perSecond, int capacity, int maxClients, boolean shared) {
            this.perNano = perSecond / TimeUnit.SECONDS.toNanos(1);
            this.capacity = capacity;
            this.maxClients = maxClients;
            this.shared = shared;
        }

        Decision take(String key) {
            long now = System.nanoTime();
            Decision d = bucket(key, now).take(now, perNano, capacity);
            if (d.allowed() && shared) {
                usage.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            return d;
        }

        void debit(String key, int calls) {
            long now = System.nanoTime();
            bucket(key, now).debit(now, perNano, capacity, calls);
        }

        /** Swaps the counts for an empty map: a count landing on the old map meanwhile is told in the next period. */
        Map<String, Integer> drainUsage() {
            Map<String, AtomicInteger> told = usage;
            if (told.isEmpty()) {
                return Map.of();
            }
            usage = new ConcurrentHashMap<>();
            Map<String, Integer> out = new HashMap<>();
            told.forEach((key, n) -> out.put(key, n.get()));
            return out;
        }

        private Bucket bucket(String key, long now) {
            if (buckets.size() >= maxClients && !buckets.containsKey(key)) {
                evictIdle(now);
            }
            return buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
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
