package id.go.kapuaskab.sertel.certificate.rest;

import id.go.kapuaskab.sertel.certificate.config.CaConfig;
import id.go.kapuaskab.sertel.certificate.service.OcspResponder;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * OCSP requests answered by a Vert.x route ahead of the REST layer, so that an answer already signed is sent on the
 * I/O thread the request arrived on: a relying party asking again about a certificate costs the parse of its request
 * and a map lookup, not a trip through RESTEasy, its security and its worker pool (issue 21's profile). A POST whose
 * body has a declared length (or was read by the edge) is answered here, a miss (a nonce, several certificates, a
 * certificate not asked about lately, a request that does not parse) on a worker, because it reads the database and
 * signs; a GET only when its answer is cached. Everything else goes on to {@link OcspResource}, which answers it on a
 * worker and has the endpoint's OpenAPI description. The bytes and headers are the same either way, from the same
 * {@link OcspResponder}; the request id, the size limits and the metrics of the HTTP layer apply to both.
 */
@ApplicationScoped
class OcspRoutes {

    /** After the edge routes (request id, size), before the REST layer. */
    private static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    private final OcspResponder responder;
    private final int maxRequestBytes;

    OcspRoutes(OcspResponder responder, CaConfig config) {
        this.responder = responder;
        this.maxRequestBytes = config.ocsp().maxRequestBytes();
    }

    void install(@Observes Router router) {
        router.post(OcspResource.PATH).order(ORDER).handler(this::post);
        router.getWithRegex(OcspResource.PATH + "/(.+)").order(ORDER).handler(this::get);
    }

    private void post(RoutingContext ctx) {
        Buffer read = ctx.body() == null ? null : ctx.body().buffer();
        if (read != null) {                                        // a chunked body, read and counted by the edge
            answer(ctx, read);
            return;
        }
        HttpServerRequest request = ctx.request();
        long length = contentLength(request);
        if (length < 0 || length > maxRequestBytes || request.getHeader(HttpHeaders.EXPECT) != null) {
            ctx.next();                                            // not read here: the REST layer reads it
            return;
        }
        request.body().onSuccess(body -> answer(ctx, body)).onFailure(e -> {
            if (!ctx.response().ended()) {
                ctx.fail(400, e);
            }
        });
        request.resume();
    }

    private void get(RoutingContext ctx) {
        byte[] der = OcspResource.fromPath(ctx.pathParam("param0"));
        Optional<byte[]> cached = der == null ? Optional.empty() : responder.cached(der);
        if (cached.isPresent()) {
            send(ctx, cached.get(), true);
        } else {
            ctx.next();
        }
    }

    /**
     * A body read here is answered here: a request read once cannot be handed on to the REST layer on every protocol
     * (over HTTP/2 RESTEasy would pause a request already ended), so a miss is signed on a worker by the same responder.
     */
    private void answer(RoutingContext ctx, Buffer body) {
        byte[] der = body.getBytes();
        Optional<byte[]> cached = responder.cached(der);
        if (cached.isPresent()) {
            send(ctx, cached.get(), false);
            return;
        }
        ctx.vertx().executeBlocking(() -> responder.respond(der), false)
                .onSuccess(answer -> send(ctx, answer, false))
                .onFailure(ctx::fail);
    }

    private static void send(RoutingContext ctx, byte[] der, boolean cacheable) {
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, OcspResource.RESPONSE)
                .putHeader(HttpHeaders.CACHE_CONTROL, OcspResource.cacheControl(cacheable))
                .end(Buffer.buffer(der));
    }

    private static long contentLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
