package id.go.kapuaskab.sertel.gateway.proxy;

import id.go.kapuaskab.sertel.support.web.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Tells backends who called: {@code X-Forwarded-For}, {@code -Proto} and {@code -Host}, replacing whatever
 * the client claimed unless the gateway sits behind a trusted ingress. On the way back it drops the backend's
 * {@code X-Request-Id}: the gateway set the same id on its answer already, and a client must not see it twice.
 */
final class ForwardedHeaders implements ProxyInterceptor {

    private final boolean trustForwarded;

    ForwardedHeaders(boolean trustForwarded) {
        this.trustForwarded = trustForwarded;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        var headers = context.request().headers();
        headers.set("X-Forwarded-For", clientAddress(incoming, trustForwarded));
        if (!trustForwarded || headers.get("X-Forwarded-Proto") == null) {
            headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
        }
        if (!trustForwarded || headers.get("X-Forwarded-Host") == null) {
            if (incoming.authority() != null) {
                headers.set("X-Forwarded-Host", incoming.authority().toString());
            }
        }
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        context.response().headers().remove(RequestIds.HEADER);
        return context.sendResponse();
    }

    static String clientAddress(HttpServerRequest request, boolean trustForwarded) {
        if (trustForwarded) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
