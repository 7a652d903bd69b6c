package id.go.kapuaskab.sertel.support.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.support.problem.Messages;
import id.go.kapuaskab.sertel.support.problem.Problem;
import id.go.kapuaskab.sertel.support.problem.ProblemTypes;
import id.go.kapuaskab.sertel.support.problem.Problems;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * HTTP concerns below the REST layer, installed on every service's router: the request id (accepted or
 * created, echoed, put in the log context), a body-size check that answers 413 as problem+json before
 * the body is read, and a problem+json 404 for paths no endpoint serves.
 */
@ApplicationScoped
public class EdgeRoutes {

    /** Runs before Quarkus' own handlers so even its errors carry the request id. */
    public static final int FIRST_ORDER = -1_000;

    private final ObjectMapper json;
    private final long maxBodyBytes;

    EdgeRoutes(ObjectMapper json, @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody) {
        this.json = json;
        this.maxBodyBytes = maxBody.map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
    }

    void install(@Observes Router router) {
        router.route().order(FIRST_ORDER).handler(this::requestId);
        router.route().order(FIRST_ORDER + 1).handler(this::bodyLimit);
        router.route().last().handler(ctx -> send(ctx, "not-found", 404));
    }

    private void requestId(RoutingContext ctx) {
        String id = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        ctx.put(RequestIds.MDC_KEY, id);
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.next();
    }

    private void bodyLimit(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    send(ctx, "payload-too-large", 413);
                    return;
                }
            } catch (NumberFormatException e) {
                send(ctx, "malformed-request", 400);
                return;
            }
        }
        ctx.next();
    }

    /** Writes a problem straight to the response; for handlers that run outside the REST layer. */
    public void send(RoutingContext ctx, String code, int status, Object... args) {
        if (ctx.response().ended()) {
            return;
        }
        Rendered problem = render(ctx.request(), code, status, args);
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemTypes.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, problem.locale().toLanguageTag())
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader(RequestIds.HEADER, problem.requestId())
                .end(problem.body());
    }

    /** A problem body in the language the request asks for. */
    public Rendered render(HttpServerRequest request, String code, int status, Object... args) {
        Locale locale = Messages.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        Problem problem = Problems.of(code, status, locale, requestId, request.path(), args);
        try {
            return new Rendered(json.writeValueAsString(problem), locale, requestId);
        } catch (JsonProcessingException e) {
            return new Rendered("{\"status\":" + status + "}", locale, requestId);
        }
    }

    /** A rendered problem: its JSON, the language chosen and the request id it names. */
    public record Rendered(String body, Locale locale, String requestId) {
    }
}
