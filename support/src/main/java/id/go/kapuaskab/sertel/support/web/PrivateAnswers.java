package id.go.kapuaskab.sertel.support.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers that may hold personal data are never stored by a browser or a shared cache: every answer to a call with
 * credentials ({@code Authorization}) or to a write (a registration echoes the applicant's data without a token) gets
 * {@code Cache-Control: no-store}, unless the endpoint chose its own caching. Anonymous reads (the public PKI, the
 * institution list, the JWKS) stay cacheable.
 */
final class PrivateAnswers {

    private PrivateAnswers() {
    }

    static void install(RoutingContext ctx) {
        boolean credentials = ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        HttpMethod method = ctx.request().method();
        boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
        if (credentials || write) {
            ctx.addHeadersEndHandler(v -> {
                if (!ctx.response().headers().contains(HttpHeaders.CACHE_CONTROL)) {
                    ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
        }
    }
}
