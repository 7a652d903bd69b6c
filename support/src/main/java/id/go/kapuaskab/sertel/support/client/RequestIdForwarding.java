package id.go.kapuaskab.sertel.support.client;

import id.go.kapuaskab.sertel.support.web.RequestIds;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.MDC;

/**
 * Carries the request id of the work at hand to every service this one calls through a REST client, so one
 * {@code X-Request-Id} names a call in the logs of every service it reaches (the outbox restores it when it
 * delivers, so it also survives the hop through a queue). The trace context travels beside it in
 * {@code traceparent}, set by the OpenTelemetry instrumentation of the REST client.
 */
@Provider
public class RequestIdForwarding implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        if (request.getHeaders().containsKey(RequestIds.HEADER)) {
            return;
        }
        Object id = MDC.get(RequestIds.MDC_KEY);
        if (id != null) {
            request.getHeaders().putSingle(RequestIds.HEADER, id.toString());
        }
    }
}
