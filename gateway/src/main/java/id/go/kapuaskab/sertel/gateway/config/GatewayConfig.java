package id.go.kapuaskab.sertel.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routing, public paths, timeouts and rate limits of the gateway. */
@ConfigMapping(prefix = "sertel.gateway")
public interface GatewayConfig {

    /**
     * {@code sertel.gateway.routes.<service>.url} and {@code .prefixes}: the backend base URL and the public
     * path prefixes it serves, e.g. {@code /api/v1/requests}. The longest matching prefix wins.
     */
    Map<String, Route> routes();

    /**
     * {@code sertel.gateway.public-paths}: paths served without a token. An entry ending in {@code /} matches
     * everything below it; otherwise the path must match exactly.
     */
    List<String> publicPaths();

    /** {@code sertel.gateway.connect-timeout} (default 2 s): a backend that cannot be connected within it is "down" (503). */
    @WithDefault("PT2S")
    Duration connectTimeout();

    /** {@code sertel.gateway.response-timeout} (default 15 s): a backend silent for this long is "too slow" (504). */
    @WithDefault("PT15S")
    Duration responseTimeout();

    /**
     * {@code sertel.gateway.idle-connection-timeout} (default 2 s, whole seconds): a pooled connection to a backend left
     * unused this long is closed. It must stay below the backends' shutdown delay ({@code quarkus.shutdown.delay}): a
     * stopping replica answers with {@code Connection: close} during its delay, so when it closes its port no pooled
     * connection to it is left that a call could be sent down at that very moment.
     */
    @WithDefault("PT2S")
    Duration idleConnectionTimeout();

    /** {@code sertel.gateway.max-connections-per-backend} (default 200): connection pool size per backend. */
    @WithDefault("200")
    int maxConnectionsPerBackend();

    /**
     * {@code sertel.gateway.trust-forwarded-for} (default false): take the client address from the first
     * {@code X-Forwarded-For} entry; only behind an ingress that sets it.
     */
    @WithDefault("false")
    boolean trustForwardedFor();

    RateLimit rateLimit();

    interface Route {
        /** Base URL of the backend, e.g. {@code http://applicant-service:8081}. */
        String url();

        /** Public path prefixes routed to it. */
        List<String> prefixes();

        /**
         * {@code sertel.gateway.routes.<service>.openapi} (default true): whether its {@code /q/openapi} joins the public API
         * document; false for a backend that serves pages, not an API (the web console).
         */
        @WithDefault("true")
        boolean openapi();
    }

    interface RateLimit {
        /** {@code sertel.gateway.rate-limit.requests-per-second} (default 50): sustained rate per client (token subject, else address). */
        @WithDefault("50")
        int requestsPerSecond();

        /** {@code sertel.gateway.rate-limit.burst} (default 200): requests a client may make at once before the rate applies. */
        @WithDefault("200")
        int burst();

        /** {@code sertel.gateway.rate-limit.login-per-minute} (default 10): token-endpoint calls per client address per minute. */
        @WithDefault("10")
        int loginPerMinute();

        /** {@code sertel.gateway.rate-limit.login-burst} (default 10): token-endpoint calls at once. */
        @WithDefault("10")
        int loginBurst();

        /** {@code sertel.gateway.rate-limit.login-paths} (default the token endpoint): paths under the login limit. */
        @WithDefault("/api/v1/auth/token")
        List<String> loginPaths();

        /** {@code sertel.gateway.rate-limit.max-clients} (default 100000): buckets kept; the idlest are dropped first. */
        @WithDefault("100000")
        int maxClients();

        /** The limits held for the deployment as a whole: what each replica's buckets learn from the others. */
        Peers peers();
    }

    /**
     * {@code sertel.gateway.rate-limit.peers.*}: the other gateway replicas. Each replica tells the others, every
     * {@code share-every}, how many calls it let through per client; each debits those from its own buckets, so every
     * replica's bucket counts the calls of the whole deployment and a client gets the limit once, not once per replica.
     */
    interface Peers {
        /**
         * {@code sertel.gateway.rate-limit.peers.addresses} (default none): the management
         * ports of the other replicas, each {@code http://host:port}, or {@code dns:name:port} for every address a DNS name
         * has (a headless Service's name in Kubernetes), looked up again every {@code lookup-every}. A replica that sends
         * to this one is learnt from its message, so a replica started later needs to name only the earlier ones.
         */
        Optional<List<String>> addresses();

        /**
         * {@code sertel.gateway.rate-limit.peers.secret} (default none: this replica counts alone; at least 32 characters):
         * turns the sharing on; the key of the HMAC-SHA256 every message carries, the same for every replica. A message
         * without the right one is refused and counts for nothing.
         */
        Optional<String> secret();

        /** {@code sertel.gateway.rate-limit.peers.advertise} (default none): the URL of this replica's management port, for peers to learn. */
        Optional<String> advertise();

        /** {@code sertel.gateway.rate-limit.peers.share-every} (default 100 ms): how often the calls let through are told. */
        @WithDefault("PT0.1S")
        Duration shareEvery();

        /** {@code sertel.gateway.rate-limit.peers.lookup-every} (default 5 s): how often {@code dns:} names are looked up again. */
        @WithDefault("PT5S")
        Duration lookupEvery();
    }
}
