package id.go.kapuaskab.sertel.support.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.support.config.EdgeConfig;
import id.go.kapuaskab.sertel.support.problem.FieldError;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * HTTP concerns below the REST layer, installed on every service's router (the gateway's too), in the order a request
 * meets them: the request id (accepted or created, echoed, put in the log context); the request's size
 * ({@link RequestShape}: 414, 431, 413 before the body is read, and a chunked body counted as it arrives); the text of
 * its path, query and form parameters ({@link ParameterText}); {@code Cache-Control: no-store} on answers that may hold
 * personal data ({@link PrivateAnswers}). Last come a problem+json 404 for paths no endpoint serves and a failure
 * handler, so whatever fails below the REST layer still answers with a problem.
 */
@ApplicationScoped
public class EdgeRoutes {

    /** Runs before Quarkus' own handlers so even its errors carry the request id. */
    public static final int FIRST_ORDER = -1_000;

    private static final Logger LOG = Logger.getLogger(EdgeRoutes.class);
    /** An over-long path is not echoed back in {@code instance}. */
    private static final int MAX_INSTANCE = 1024;
    private static final Map<Integer, String> CODES = Map.of(400, "bad-request", 401, "unauthenticated", 403, "forbidden",
            404, "not-found", 405, "method-not-allowed", 406, "not-acceptable", 413, "payload-too-large", 414, "uri-too-long",
            415, "unsupported-media-type", 431, "header-fields-too-large");

    private final ObjectMapper json;
    private final RequestShape shape;
    private final boolean streamBodies;

    EdgeRoutes(ObjectMapper json, EdgeConfig config,
               @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody) {
        this.json = json;
        this.shape = new RequestShape(config.maxUriLength(), config.maxHeaderBytes(),
                maxBody.map(MemorySize::asLongValue).orElse(10L * 1024 * 1024));
        this.streamBodies = config.streamBodies();
    }

    void install(@Observes Router router) {
        router.route().order(FIRST_ORDER).handler(this::requestId);
        router.route().order(FIRST_ORDER + 1).handler(this::shape);
        router.route().order(FIRST_ORDER + 2).handler(this::parameters);
        router.route().order(FIRST_ORDER + 3).handler(ctx -> {
            PrivateAnswers.install(ctx);
            ctx.next();
        });
        router.route().order(FIRST_ORDER).failureHandler(this::failure);
        router.route().last().handler(ctx -> send(ctx, "not-found", 404));
    }

    /** The largest body this service accepts ({@code quarkus.http.limits.max-body-size}). */
    public long maxBodyBytes() {
        return shape.maxBodyBytes();
    }

    private void requestId(RoutingContext ctx) {
        String id = RequestIds.acceptOrCreate(ctx.request().getHeader(RequestIds.HEADER));
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        ctx.put(RequestIds.MDC_KEY, id);
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.next();
    }

    private void shape(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        RequestShape.Refusal refusal = shape.judgeHead(request);
        if (refusal != null) {
            if (refusal.status() == 413 && !shape.tooLongToDrain(request)) {
                send(ctx, refusal.code(), refusal.status());
                shape.drain(request);
            } else {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                send(ctx, refusal.code(), refusal.status());
            }
            return;
        }
        boolean form = isForm(request);
        if (!streamBodies && (form || RequestShape.hasBodyWithoutLength(request))) {
            shape.readCounted(ctx, () -> send(ctx, "payload-too-large", 413), body -> {
                Optional<ParameterText.Refusal> text = form ? ParameterText.check(null, body.toString(StandardCharsets.ISO_8859_1))
                        : Optional.empty();
                if (text.isPresent()) {
                    sendFieldError(ctx, "invalid-parameter", 400, new FieldError(text.get().field(), text.get().code(), null));
                    return;
                }
                ctx.setBody(body);
                ctx.next();
            });
            return;
        }
        ctx.next();
    }

    /**
     * Form fields (the token endpoint's user name, say) are parameters like those of the query: the same text rule, read
     * here from the body before the REST layer parses it; a malformed escape there was a 500.
     */
    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private void parameters(RoutingContext ctx) {
        Optional<ParameterText.Refusal> refusal = ParameterText.check(ctx.request().path(), ctx.request().query());
        if (refusal.isPresent()) {
            String field = refusal.get().field();
            sendFieldError(ctx, "invalid-parameter", 400, new FieldError(field, refusal.get().code(), null));
            return;
        }
        ctx.next();
    }

    /** Anything that failed below the REST layer (a handler's exception, a {@code fail(status)}) as a problem. */
    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status >= 400 && status < 500) {
            String code = CODES.get(status);
            send(ctx, code == null ? "bad-request" : code, code == null ? 400 : status);
            return;
        }
        LOG.errorf(ctx.failure(), "Unexpected failure, request %s", ctx.<String>get(RequestIds.MDC_KEY));
        send(ctx, "internal", 500);
    }

    /** Writes a problem straight to the response; for handlers that run outside the REST layer. */
    public void send(RoutingContext ctx, String code, int status, Object... args) {
        write(ctx, status, render(ctx.request(), code, status, List.of(), args));
    }

    /** Writes a problem that names one field, with the field error's text in the caller's language. */
    public void sendFieldError(RoutingContext ctx, String code, int status, FieldError field) {
        write(ctx, status, render(ctx.request(), code, status, List.of(field), field.field()));
    }

    private void write(RoutingContext ctx, int status, Rendered problem) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
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
        return render(request, code, status, List.of(), args);
    }

    private Rendered render(HttpServerRequest request, String code, int status, List<FieldError> fields, Object... args) {
        Locale locale = Messages.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String requestId = RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
        String instance = request.path() != null && request.path().length() <= MAX_INSTANCE ? request.path() : null;
        Problem problem = Problems.of(code, status, locale, requestId, instance, fields, Map.of(), args);
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
