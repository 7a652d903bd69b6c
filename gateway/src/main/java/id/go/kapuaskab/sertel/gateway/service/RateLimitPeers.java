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
import io.vertx.core.http.PoolOptions;
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
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Makes the rate limits hold for all gateway replicas together. Every {@code share-every} each replica sends the others
 * the calls it let through per client since the last time (and, every {@link #HEARTBEAT}, an empty message, so that
 * they keep knowing it); each debits what it hears from its own buckets ({@link RateLimiter#debit}). A client spread
 * over N replicas thus meets one limit, exceeded by about what the replicas let through in one share period before
 * they heard of each other. A peer that is down costs nothing but its share of the count: nobody waits for it.
 * Messages go to the management port (which no Ingress exposes), one at a time per peer so that they arrive in order,
 * and are signed with a shared key ({@link PeerMessage}).
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
    /** Messages sent longer ago than this (or this far in the future) are refused. */
    static final Duration MAX_AGE = Duration.ofSeconds(10);
    /** Messages waiting for a slow peer, beyond the one in flight; more are dropped (their counts are not told to it). */
    private static final int MAX_WAITING = 20;
    private static final int MIN_SECRET_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(RateLimitPeers.class);

    private final RateLimiter limiter;
    private final Vertx vertx;
    private final GatewayConfig.Peers config;
    private final String self = System.getenv().getOrDefault("HOSTNAME", "gateway") + "/" + UUID.randomUUID();
    private final AtomicLong seq = new AtomicLong();
    private final byte[] key;
    private final Map<String, Long> learnt = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
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
        this.config.addresses().orElse(List.of()).forEach(RateLimitPeers::checkAddress);
        this.config.advertise().ifPresent(a -> {
            if (!isBaseUrl(a)) {
                throw new IllegalStateException("sertel.gateway.rate-limit.peers.advertise must be http(s)://host:port, not " + a);
            }
        });
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        String name = "sertel_gateway_rate_limit_peer_messages";
        this.sent = Counter.builder(name).tag("outcome", "sent").description("Messages to and from peer gateways, by outcome").register(registry);
        this.sendFailed = Counter.builder(name).tag("outcome", "send-failed").register(registry);
        this.accepted = Counter.builder(name).tag("outcome", "accepted").register(registry);
        this.refused = Counter.builder(name).tag("outcome", "refused").register(registry);
        Gauge.builder("sertel_gateway_rate_limit_peers", this, RateLimitPeers::peerCount)
                .description("Peer gateways this replica tells the calls it lets through").register(registry);
    }

    /** Sharing is on when the key is set: a replica without addresses of its own still learns those that write to it. */
    public static boolean enabled(GatewayConfig.Peers peers) {
        return peers.secret().filter(k -> !k.isBlank()).isPresent();
    }

    public boolean enabled() {
        return enabled(config);
    }

    void start(@Observes StartupEvent event) {
        if (!enabled()) {
            return;
        }
        // one connection per peer: its messages arrive in the order they were sent
        http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(1000).setIdleTimeout(30).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(1).setMaxWaitQueueSize(MAX_WAITING));
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
            http.close();
        }
    }

    /**
     * Takes a peer's message: verified, then its counts debited from this replica's buckets. Its advertised URL is
     * learnt only when its host is the address the message came from, so the key alone cannot point this replica at
     * another host. Runs off the event loop (a message may name many clients).
     */
    public Outcome receive(Buffer body, String signature, String remoteHost) {
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
        lastSeq.compute(m.from(), (sender, before) -> {
            fresh[0] = before == null || before < m.seq();
            return fresh[0] ? m.seq() : before;
        });
        if (!fresh[0]) {
            refused.increment();
            return Outcome.REFUSED;
        }
        m.usage().forEach((family, counts) -> counts.forEach((client, calls) -> limiter.debit(family, client, calls)));
        if (isBaseUrl(m.url()) && sameHost(URI.create(m.url()).getHost(), remoteHost)) {
            learnt.put(m.url(), System.nanoTime());
        }
        if (lastSeq.size() > 1000) {
            lastSeq.keySet().retainAll(java.util.Set.of(m.from()));   // senders restarted many times: forget the old ones
        }
        accepted.increment();
        return Outcome.ACCEPTED;
    }

    /** Every peer this replica tells: the named ones (names looked up) and those learnt from their messages. */
    Set<String> peers() {
        long now = System.nanoTime();
        learnt.entrySet().removeIf(e -> now - e.getValue() > FORGET.toNanos());
        return current(now);
    }

    private int peerCount() {
        return current(System.nanoTime()).size();
    }

    private Set<String> current(long now) {
        Set<String> all = new LinkedHashSet<>(named);
        learnt.forEach((url, heard) -> {
            if (now - heard <= FORGET.toNanos()) {
                all.add(url);
            }
        });
        config.advertise().ifPresent(all::remove);
        return all;
    }

    private void share() {
        Map<RateLimiter.Family, Map<String, Integer>> usage = new EnumMap<>(RateLimiter.Family.class);
        for (RateLimiter.Family family : RateLimiter.Family.values()) {
            Map<String, Integer> counts = limiter.drainUsage(family);
            if (!counts.isEmpty()) {
                usage.put(family, counts);
            }
        }
        long now = System.nanoTime();
        if (usage.isEmpty() && now - lastHeartbeat < HEARTBEAT.toNanos()) {
            return;
        }
        lastHeartbeat = now;
        Set<String> peers = peers();
        for (Map<RateLimiter.Family, Map<String, Integer>> part : parts(usage)) {
            Buffer body = new PeerMessage(self, config.advertise().orElse(""), seq.incrementAndGet(), System.currentTimeMillis(), part).encode();
            String signature = PeerMessage.sign(key, body);
            for (String peer : peers) {
                send(peer, body, signature);
            }
        }
    }

    private void send(String peer, Buffer body, String signature) {
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

    /** The usage in messages of at most {@link PeerMessage#MAX_CLIENTS} clients per family (one, empty, for a heartbeat). */
    static List<Map<RateLimiter.Family, Map<String, Integer>>> parts(Map<RateLimiter.Family, Map<String, Integer>> usage) {
        List<Map<RateLimiter.Family, Map<String, Integer>>> parts = new ArrayList<>();
        parts.add(new EnumMap<>(RateLimiter.Family.class));
        usage.forEach((family, counts) -> {
            int i = 0;
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                int index = i++ / PeerMessage.MAX_CLIENTS;
                if (index == parts.size()) {
                    parts.add(new EnumMap<>(RateLimiter.Family.class));
                }
                parts.get(index).computeIfAbsent(family, f -> new java.util.HashMap<>()).put(e.getKey(), e.getValue());
            }
        });
        return parts;
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
        }, false).onSuccess(list -> named = List.copyOf(list))
                .onFailure(e -> LOG.warnf("Looking up the peer gateways failed: %s", e.toString()));
    }

    /** A configured address: {@code dns:name:port}, or {@code http(s)://host:port}; anything else stops the start. */
    static void checkAddress(String address) {
        String a = address.trim();
        if (a.isEmpty()) {
            return;
        }
        if (a.startsWith("dns:")) {
            int colon = a.lastIndexOf(':');
            if (colon > 4 && a.substring(colon + 1).matches("\\d{1,5}") && Integer.parseInt(a.substring(colon + 1)) <= 65535) {
                return;
            }
        } else if (isBaseUrl(a.replaceAll("/+$", ""))) {
            return;
        }
        throw new IllegalStateException("sertel.gateway.rate-limit.peers.addresses: '" + a
                + "' is neither dns:name:port nor http(s)://host:port");
    }

    private static boolean isBaseUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null && u.getPort() > 0
                    && (u.getRawPath() == null || u.getRawPath().isEmpty()) && u.getRawQuery() == null && u.getRawUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean sameHost(String advertised, String remote) {
        if (advertised == null || remote == null) {
            return false;
        }
        String a = advertised.startsWith("[") ? advertised.substring(1, advertised.length() - 1) : advertised;
        try {
            return isLiteral(a) && isLiteral(remote) && InetAddress.getByName(a).equals(InetAddress.getByName(remote));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Only address literals are compared (no name is looked up for a message). */
    private static boolean isLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }
}
