package id.go.kapuaskab.sertel.gateway.service;

import id.go.kapuaskab.sertel.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Makes the rate limits hold for all gateway replicas together. Every {@code share-every} each replica sends the others
 * the calls it let through per client since the last time (and, every {@link #HEARTBEAT}, an empty message, so that
 * they keep knowing it); each debits what it hears from its own buckets ({@link RateLimiter#debit}). A client spread
 * over N replicas thus meets one limit, exceeded at most by what the replicas let through in one share period before
 * they heard of each other. A peer that is down costs nothing but its share of the limit: nobody waits for it.
 * Messages go to the management port (which no Ingress exposes) and are signed with a shared key ({@link PeerMessage}).
 */
@ApplicationScoped
public class RateLimitPeers {

    /** The path on the management port where peers' messages arrive. */
    public static final String PATH = "/rate-limit/usage";
    public static final String SIGNATURE_HEADER = "X-Sertel-Peer-Signature";

    /** How a received message was taken. */
    public enum Outcome {
        ACCEPTED, OWN, REFUSED
    }

    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    /** A peer learnt from its messages is forgotten after this long without one. */
    static final Duration FORGET = Duration.ofSeconds(15);
    /** Messages sent longer ago than this (or this far in the future) are refused, as are repeats of an older one. */
    static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final int MIN_SECRET_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(RateLimitPeers.class);

    private final RateLimiter limiter;
    private final Vertx vertx;
    private final GatewayConfig.Peers config;
    private final String self = System.getenv().getOrDefault("HOSTNAME", "gateway") + "/" + UUID.randomUUID();
    private final byte[] key;
    private final Map<String, Long> learnt = new ConcurrentHashMap<>();
    private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();
    private final Counter sent;
    private final Counter sendFailed;
    private final Counter accepted;
    private final Counter refused;
    private volatile List<String> named = List.of();
    private HttpClient http;
    private long shareTimer = -1;
    private long lookupTimer = -1;
    private long lastHeartbeat;

    RateLimitPeers(RateLimiter limiter, Vertx vertx, GatewayConfig config, MeterRegistry registry) {
        this.limiter = limiter;
        this.vertx = vertx;
        this.config = config.rateLimit().peers();
        String secret = this.config.secret().orElse("");
        if (enabled() && secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("sertel.gateway.rate-limit.peers.secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        String name = "sertel_gateway_rate_limit_peer_messages";
        this.sent = Counter.builder(name).tag("outcome", "sent").description("Messages to peer gateways, by outcome").register(registry);
        this.sendFailed = Counter.builder(name).tag("outcome", "send-failed").register(registry);
        this.accepted = Counter.builder(name).tag("outcome", "accepted").register(registry);
        this.refused = Counter.builder(name).tag("outcome", "refused").register(registry);
        Gauge.builder("sertel_gateway_rate_limit_peers", this, p -> p.peers().size())
                .description("Peer gateways this replica tells the calls it lets through").register(registry);
    }

    /** Sharing is on when the key is set: a replica without addresses of its own still learns those that write to it. */
    public boolean enabled() {
        return config.secret().filter(k -> !k.isBlank()).isPresent();
    }

    void start(@Observes StartupEvent event) {
        if (!enabled()) {
            return;
        }
        http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(1000).setIdleTimeout(30).setKeepAlive(true));
        lookUp();
        lookupTimer = vertx.setPeriodic(config.lookupEvery().toMillis(), t -> lookUp());
        shareTimer = vertx.setPeriodic(config.shareEvery().toMillis(), t -> share());
        LOG.infof("Rate limits shared with peer gateways (named: %s; others learnt from their messages), every %d ms",
                String.join(", ", config.addresses().orElse(List.of())), config.shareEvery().toMillis());
    }

    void stop(@Observes ShutdownEvent event) {
        if (shareTimer >= 0) {
            vertx.cancelTimer(shareTimer);
            vertx.cancelTimer(lookupTimer);
            share();
        }
    }

    /** Takes a peer's message: verified, then its counts debited from this replica's buckets. */
    public Outcome receive(Buffer body, String signature) {
        if (!PeerMessage.verify(key, body, signature)) {
            refused.increment();
            return Outcome.REFUSED;
        }
        var decoded = PeerMessage.decode(body);
        long now = System.currentTimeMillis();
        if (decoded.isEmpty() || Math.abs(now - decoded.get().at()) > MAX_AGE.toMillis()) {
            refused.increment();
            return Outcome.REFUSED;
        }
        PeerMessage m = decoded.get();
        if (m.from().equals(self)) {
            return Outcome.OWN;
        }
        boolean[] fresh = {false};
        lastHeard.compute(m.from(), (sender, before) -> {
            fresh[0] = before == null || before < m.at();
            return fresh[0] ? m.at() : before;
        });
        if (!fresh[0]) {
            refused.increment();
            return Outcome.REFUSED;
        }
        m.usage().forEach((kind, counts) -> counts.forEach((client, calls) -> limiter.debit(kind, client, calls)));
        if (!m.url().isEmpty() && isHttpUrl(m.url())) {
            learnt.put(m.url(), System.nanoTime());
        }
        lastHeard.entrySet().removeIf(e -> now - e.getValue() > MAX_AGE.toMillis() * 2);
        accepted.increment();
        return Outcome.ACCEPTED;
    }

    /** Every peer this replica tells: the named ones (names looked up) and those learnt from their messages. */
    Set<String> peers() {
        Set<String> all = new LinkedHashSet<>(named);
        long now = System.nanoTime();
        learnt.entrySet().removeIf(e -> now - e.getValue() > FORGET.toNanos());
        all.addAll(learnt.keySet());
        config.advertise().ifPresent(all::remove);
        return all;
    }

    private void share() {
        Map<RateLimiter.Kind, Map<String, Integer>> usage = new EnumMap<>(RateLimiter.Kind.class);
        for (RateLimiter.Kind kind : RateLimiter.Kind.values()) {
            Map<String, Integer> counts = limiter.drainUsage(kind);
            if (!counts.isEmpty()) {
                usage.put(kind, counts);
            }
        }
        long now = System.nanoTime();
        if (usage.isEmpty() && now - lastHeartbeat < HEARTBEAT.toNanos()) {
            return;
        }
        lastHeartbeat = now;
        Buffer body = new PeerMessage(self, config.advertise().orElse(""), System.currentTimeMillis(), usage).encode();
        String signature = PeerMessage.sign(key, body);
        for (String peer : peers()) {
            http.request(new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(peer + PATH).setTimeout(1000)
                            .putHeader("Content-Type", "application/json").putHeader(SIGNATURE_HEADER, signature))
                    .compose(request -> request.send(body))
                    .onSuccess(response -> {
                        response.body();
                        if (response.statusCode() / 100 == 2) {
                            sent.increment();
                        } else {
                            sendFailed.increment();
                            LOG.debugf("Peer gateway %s answered %d to the rate-limit usage", peer, response.statusCode());
                        }
                    })
                    .onFailure(e -> {
                        sendFailed.increment();
                        LOG.debugf("Peer gateway %s not reached: %s", peer, e.toString());
                    });
        }
    }

    /** Names the configured peers, {@code dns:} names as every address they have now (off the event loop). */
    private void lookUp() {
        vertx.executeBlocking(() -> {
            List<String> out = new ArrayList<>();
            for (String entry : config.addresses().orElse(List.of())) {
                String e = entry.trim();
                if (e.startsWith("dns:")) {
                    int colon = e.lastIndexOf(':');
                    String host = e.substring(4, colon);
                    String port = e.substring(colon + 1);
                    try {
                        for (InetAddress a : InetAddress.getAllByName(host)) {
                            String literal = a.getHostAddress();
                            out.add("http://" + (literal.contains(":") ? "[" + literal + "]" : literal) + ":" + port);
                        }
                    } catch (UnknownHostException notYet) {
                        LOG.debugf("Peer gateways' name %s has no address now", host);
                    }
                } else if (!e.isEmpty()) {
                    out.add(e.replaceAll("/+$", ""));
                }
            }
            return out;
        }, false).onSuccess(list -> named = List.copyOf(list));
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null && u.getRawPath().isEmpty()
                    && u.getRawQuery() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
