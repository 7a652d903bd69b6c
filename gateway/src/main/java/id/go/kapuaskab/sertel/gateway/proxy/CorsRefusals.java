package id.go.kapuaskab.sertel.gateway.proxy;

import id.go.kapuaskab.sertel.support.web.EdgeRoutes;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A call from a browser origin the gateway does not serve ({@code quarkus.http.cors.origins}) is refused here with a
 * 403 problem, before Quarkus' CORS filter would refuse it with a bare 403 ("CORS Rejected - Invalid origin"). The
 * rule is Quarkus' own, so both agree on who passes: no {@code Origin}, the gateway's own origin, an origin in the list,
 * one matching a {@code /regex/} entry of it, or any when the list is {@code *}. Allowed calls go on to the CORS filter,
 * which answers preflights and adds the CORS headers.
 */
@ApplicationScoped
public class CorsRefusals {

    /** After the edge's request id, size and parameter checks, before the proxy and Quarkus' CORS filter. */
    static final int ORDER = EdgeRoutes.FIRST_ORDER + 10;

    private final EdgeRoutes edge;
    private final boolean enabled;
    private final List<String> origins;

    CorsRefusals(EdgeRoutes edge, @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
                 @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.edge = edge;
        this.enabled = enabled;
        this.origins = origins.orElse(List.of());
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.route().order(ORDER).handler(this::check);
        }
    }

    private void check(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null || allowed(origin, ctx.request())) {
            ctx.next();
            return;
        }
        edge.send(ctx, "origin-not-allowed", 403);
    }

    boolean allowed(String origin, HttpServerRequest request) {
        if (origins.contains("*") || origins.contains(origin)) {
            return true;
        }
        for (String entry : origins) {
            if (entry.length() > 2 && entry.startsWith("/") && entry.endsWith("/")
                    && Pattern.compile(entry.substring(1, entry.length() - 1)).matcher(origin).matches()) {
                return true;
            }
        }
        return request.authority() != null && origin.equalsIgnoreCase(request.scheme() + "://" + request.authority());
    }
}
