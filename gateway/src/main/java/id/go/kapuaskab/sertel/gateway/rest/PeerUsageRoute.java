package id.go.kapuaskab.sertel.gateway.rest;

import id.go.kapuaskab.sertel.gateway.service.RateLimitPeers;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Where peer gateways' rate-limit usage arrives ({@link RateLimitPeers}): on the management port only, and only when
 * sharing is on. A call without a signature or not JSON is refused before its body is read; no uploads are kept. 204
 * when taken (or when it was this replica's own), 403 when refused (signature, age, repeat, form), 415 for a body that
 * is not JSON.
 */
@ApplicationScoped
class PeerUsageRoute {

    /** A message names at most {@code PeerMessage.MAX_CLIENTS} clients per family: a few MiB at worst. */
    private static final long BODY_LIMIT = 8L * 1024 * 1024;

    void register(@Observes ManagementInterface management, RateLimitPeers peers) {
        if (!peers.enabled()) {
            return;
        }
        // two routes: a body handler may not follow another handler on one route
        management.router().post(RateLimitPeers.PATH).handler(ctx -> {
            String type = ctx.request().getHeader("Content-Type");
            if (ctx.request().getHeader(RateLimitPeers.SIGNATURE_HEADER) == null) {
                ctx.response().setStatusCode(403).end();
            } else if (type == null || !type.startsWith("application/json")) {
                ctx.response().setStatusCode(415).end();
            } else {
                ctx.next();
            }
        });
        management.router().post(RateLimitPeers.PATH).handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(ctx -> {
            Buffer body = ctx.body().buffer();
            String signature = ctx.request().getHeader(RateLimitPeers.SIGNATURE_HEADER);
            String from = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
            ctx.vertx().executeBlocking(() -> peers.receive(body == null ? Buffer.buffer() : body, signature, from), true)
                    .onComplete(outcome -> ctx.response().setStatusCode(outcome.succeeded() && outcome.result() != RateLimitPeers.Outcome.REFUSED
                            ? 204 : 403).end());
        });
    }
}
