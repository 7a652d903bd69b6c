package id.go.kapuaskab.sertel.console.rest;

import id.go.kapuaskab.sertel.console.config.ConsoleConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The headers every answer of the console carries: the Content-Security-Policy (no inline script or style, nothing
 * from other origins), no MIME sniffing, no referrer (the mailed pages have one-time tokens in their address), no
 * framing by other sites, no access to camera, microphone or location.
 */
public class SecurityHeaders {

    private final ConsoleConfig config;

    SecurityHeaders(ConsoleConfig config) {
        this.config = config;
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.putSingle("Content-Security-Policy", config.contentSecurityPolicy());
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("Referrer-Policy", "no-referrer");
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("Cross-Origin-Opener-Policy", "same-origin");
        h.putSingle("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    }
}
