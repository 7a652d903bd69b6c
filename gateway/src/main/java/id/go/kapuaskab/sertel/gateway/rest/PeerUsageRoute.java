package id.go.kapuaskab.sertel.gateway.rest;

import id.go.kapuaskab.sertel.gateway.service.RateLimitPeers;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Where peer gateways' rate-limit usage arrives ({@link RateLimitPeers}): on the management port only, and only when
 * peers are configured. 204 when taken (or when it was this replica's own), 403 when refused (signature, age, form).
 */
@ApplicationScoped
class PeerUsageRoute {

    /** A message names at most {@code PeerMessage.MAX_CLIENTS} clients per family: a few MiB at worst. */
    private static final long BODY_LIMIT = 8L * 1024 * 1024;

    void register(@Observes ManagementInterface management, RateLimitPeers peers) {
        if (!peers.enabled()) {
            return;
        }
        management.router().post(RateLimitPeers.PATH).handler(BodyHandler.create().setBodyLimit(BODY_LIMIT)).handler(ctx -> {
            Buffer body = ctx.body().buffer();
            RateLimitPeers.Outcome outcome = peers.receive(body == null ? Buffer.buffer() : body,
                    ctx.request().getHeader(RateLimitPeers.SIGNATURE_HEADER));
            ctx.response().setStatusCode(outcome == RateLimitPeers.Outcome.REFUSED ? 403 : 204).end();
        });
    }
}
