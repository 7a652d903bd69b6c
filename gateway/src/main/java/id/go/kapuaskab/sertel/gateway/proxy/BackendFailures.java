package id.go.kapuaskab.sertel.gateway.proxy;

import id.go.kapuaskab.sertel.support.problem.ProblemTypes;
import id.go.kapuaskab.sertel.support.web.EdgeRoutes;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Turns a failed call to a backend into a problem+json answer: a body over the gateway's limit is 413 (see
 * {@link BodyLimit}), a backend that cannot be reached is 503, one that does not answer in time is 504, anything else
 * 502. The body names nothing internal.
 */
final class BackendFailures implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(BackendFailures.class);

    private final EdgeRoutes edge;

    BackendFailures(EdgeRoutes edge) {
        this.edge = edge;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            int status;
            String code;
            if (Boolean.TRUE.equals(context.get(BodyLimit.EXCEEDED, Boolean.class))) {
                status = 413;
                code = "payload-too-large";
            } else if (isUnreachable(failure)) {
                status = 503;
                code = "service-unavailable";
            } else if (isTimeout(failure)) {
                status = 504;
                code = "gateway-timeout";
            } else {
                status = 502;
                code = "bad-gateway";
            }
            var request = context.request().proxiedRequest();
            if (failure instanceof ClientLeft || request.response().closed()) {
                LOG.debugf("Call %s %s abandoned, its client has gone: %s", request.method(), request.path(), failure.toString());
            } else {
                LOG.warnf("Backend call %s %s failed (%d): %s", request.method(), request.path(), status, failure.toString());
            }
            EdgeRoutes.Rendered problem = edge.render(request, code, status);
            ProxyResponse response = context.request().release().response();
            response.setStatusCode(status).setStatusMessage(null);
            response.headers()
                    .set(HttpHeaders.CONTENT_TYPE, ProblemTypes.MEDIA_TYPE)
                    .set(HttpHeaders.CONTENT_LANGUAGE, problem.locale().toLanguageTag())
                    .set(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setBody(Body.body(Buffer.buffer(problem.body())));
            return Future.succeededFuture(response);
        });
    }

    static boolean isUnreachable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof ConnectTimeoutException || c instanceof UnknownHostException
                    || c instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException || c.getClass().getSimpleName().contains("Timeout")
                    || (c.getMessage() != null && c.getMessage().contains("timeout period"))) {
                return true;
            }
        }
        return false;
    }
}
