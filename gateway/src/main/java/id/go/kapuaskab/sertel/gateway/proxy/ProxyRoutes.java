package id.go.kapuaskab.sertel.gateway.proxy;

import id.go.kapuaskab.sertel.gateway.config.GatewayConfig;
import id.go.kapuaskab.sertel.gateway.service.RateLimiter;
import id.go.kapuaskab.sertel.gateway.service.RouteTable;
import id.go.kapuaskab.sertel.gateway.service.TokenCheck;
import id.go.kapuaskab.sertel.support.web.EdgeRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's one job, in the order a call meets it: the path must be plainly written and routed
 * (else 404; so is anything under {@code /q}); public paths pass with a per-address limit (stricter on login); other paths need a valid
 * bearer token (else 401) and pass with a per-subject limit (else 429); then the call is streamed to the
 * backend through Vert.x HTTP Proxy, whose failures {@link BackendFailures} turns into 503 or 504.
 */
@ApplicationScoped
public class ProxyRoutes {

    /** After the request-id and body-size handlers of {@link EdgeRoutes}, before the REST layer. */
    static final int ORDER = -100;

    private final Vertx vertx;
    private final GatewayConfig config;
    private final RouteTable routes;
    private final RateLimiter limiter;
    private final TokenCheck tokens;
    private final EdgeRoutes edge;
    private final Map<String, HttpProxy> proxies = new HashMap<>();

    ProxyRoutes(Vertx vertx, GatewayConfig config, RouteTable routes, RateLimiter limiter, TokenCheck tokens, EdgeRoutes edge) {
        this.vertx = vertx;
        this.config = config;
        this.routes = routes;
        this.limiter = limiter;
        this.tokens = tokens;
        this.edge = edge;
    }

    void install(@Observes Router router) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) Math.max(1, config.idleConnectionTimeout().toSeconds()))
                // a connection silent this long during a call is closed: the request's own timeout (the response
                // timeout, which answers 504 first) ends when the answer's head arrives, and an answer that stalls
                // after it (or one LateResets lets finish for a client that left) must not hold the connection for
                // ever; idle pooled connections are not affected
                .setIdleTimeout((int) Math.max(2, 2 * config.responseTimeout().toSeconds()))
                .setMaxPoolSize(config.maxConnectionsPerBackend())
                .setConnectTimeout((int) config.connectTimeout().toMillis()));
        for (RouteTable.Backend backend : routes.backends()) {
            SocketAddress address = SocketAddress.inetSocketAddress(backend.port(), backend.host());
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(pc -> pc.client().request(new RequestOptions()
                            .setServer(address)
                            .setSsl(backend.tls())
                            .setConnectTimeout(config.connectTimeout().toMillis())
                            .setIdleTimeout(config.responseTimeout().toMillis()))
                            .map(LateResets::guard)
                            .compose(request -> unlessClientLeft(pc, request)))
                    .addInterceptor(new BackendFailures(edge))
                    .addInterceptor(new BodyLimit(edge.maxBodyBytes()))
                    .addInterceptor(new ForwardedHeaders(config.trustForwardedFor()));
            proxies.put(backend.name(), proxy);
        }
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        var match = routes.match(path);
        if (match.isEmpty()) {
            if (path.startsWith("/api/") || path.startsWith("/pki/") || isManagement(path)) {
                edge.send(ctx, "not-found", 404);
            } else {
                ctx.next();
            }
            return;
        }
        HttpProxy proxy = proxies.get(match.get().backend().name());
        String address = ForwardedHeaders.clientAddress(ctx.request(), config.trustForwardedFor());
        if (routes.isPublic(path)) {
            RateLimiter.Decision decision = limiter.isLoginPath(path) ? limiter.takeLogin(address) : limiter.take("addr:" + address);
            if (!decision.allowed()) {
                tooMany(ctx, decision);
                return;
            }
            proxy.handle(ctx.request());
            return;
        }
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() < 8) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            edge.send(ctx, "unauthenticated", 401);
            return;
        }
        ctx.request().pause();
        tokens.verify(authorization.substring(7).trim()).onComplete(verified -> {
            if (verified.failed()) {
                ctx.request().resume();
                ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                edge.send(ctx, "invalid-token", 401);
                return;
            }
            RateLimiter.Decision decision = limiter.take("sub:" + verified.result().subject());
            if (!decision.allowed()) {
                ctx.request().resume();
                tooMany(ctx, decision);
                return;
            }
            proxy.handle(ctx.request());
        });
    }

    /**
     * A client that closed its connection while the gateway checked its token or waited for a connection to the
     * backend is past every handler that would abandon the call, and would hold the backend connection until the
     * response timeout. (This runs on the client's event loop, as the proxy's own close handling does, so a close
     * after it is seen there.)
     */
    private static Future<HttpClientRequest> unlessClientLeft(ProxyContext context, HttpClientRequest request) {
        // a failed call reaches BackendFailures through its answer; without a handler Vert.x would also log every reset
        // of a request never ended (a client that left mid-call) as an ERROR
        request.exceptionHandler(ignored -> { });
        if (context.request().proxiedRequest().response().closed()) {
            request.reset(0, ClientLeft.INSTANCE);
            return Future.failedFuture(ClientLeft.INSTANCE);
        }
        return Future.succeededFuture(request);
    }

    /**
     * {@code /q/**} on the public port: health and metrics live on the management port, and the gateway's own OpenAPI
     * document (of {@code /openapi} alone) is not the public one, which {@code /openapi} serves.
     */
    private static boolean isManagement(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.equals("/q") || lower.startsWith("/q/");
    }

    private void tooMany(RoutingContext ctx, RateLimiter.Decision decision) {
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        edge.send(ctx, "rate-limited", 429, decision.retryAfterSeconds());
    }
}
