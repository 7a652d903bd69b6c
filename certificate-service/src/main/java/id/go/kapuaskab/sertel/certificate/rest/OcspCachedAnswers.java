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
 * The OCSP answers that are already signed, sent by a Vert.x route on the I/O thread the request arrived on, ahead of
 * the REST layer: a relying party asking again about a certificate costs the parse of its request and a map lookup,
 * not a trip through RESTEasy, its security and its worker pool (issue 21's profile). Everything else — a nonce,
 * several certificates, a miss, a request that does not parse — goes on to {@link OcspResource}, which answers it on
 * a worker (it reads the database and signs) and has the endpoint's OpenAPI description. The answer is the same bytes
 * and headers either way; the request id, the size limits and the metrics of the HTTP layer apply to both.
 */
@ApplicationScoped
class OcspCachedAnswers {

    /** After the edge routes (request id, size), before the REST layer. */
    private static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    private final OcspResponder responder;
    private final int maxRequestBytes;

    OcspCachedAnswers(OcspResponder responder, CaConfig config) {
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
            answer(ctx, read, false);
            return;
        }
        HttpServerRequest request = ctx.request();
        long length = contentLength(request);
        if (length < 0 || length > maxRequestBytes || request.getHeader(HttpHeaders.EXPECT) != null) {
            ctx.next();                                            // not ours to buffer: the REST layer reads it
            return;
        }
        request.body().onSuccess(body -> answer(ctx, body, false)).onFailure(e -> {
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

    private void answer(RoutingContext ctx, Buffer body, boolean cacheable) {
        Optional<byte[]> cached = responder.cached(body.getBytes());
        if (cached.isPresent()) {
            send(ctx, cached.get(), cacheable);
        } else {
            ctx.setBody(body);                                     // the REST layer reads it from here
            ctx.next();
        }
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
