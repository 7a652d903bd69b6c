package id.go.kapuaskab.sertel.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps one piece of work one trace across the outbox: the W3C {@code traceparent} of the span that writes an item
 * is stored with it, and its delivery runs in a CONSUMER span whose parent is that context, so the REST calls a
 * handler makes continue the trace that began at the gateway. With tracing off (the SDK disabled) nothing is stored
 * and the spans are no-ops.
 */
@ApplicationScoped
class OutboxTracing {

    static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceParent) {
            return java.util.List.of(TRACEPARENT);
        }

        @Override
        public String get(String traceParent, String key) {
            return TRACEPARENT.equals(key) ? traceParent : null;
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    OutboxTracing(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer("sertel-outbox");
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
    }

    /** The current trace context as a {@code traceparent} value, or null when there is none (or tracing is off). */
    String current() {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Runs one delivery attempt inside a span continuing the item's stored trace. */
    Outcome deliver(OutboxItem item, Supplier<Outcome> attempt) {
        Context parent = item.traceParent() == null ? Context.root() : propagator.extract(Context.root(), item.traceParent(), STORED);
        Span span = tracer.spanBuilder("outbox " + item.topic())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "sertel-outbox")
                .setAttribute("messaging.destination.name", item.topic())
                .setAttribute("messaging.message.id", item.id().toString())
                .setAttribute("sertel.outbox.attempt", item.attempt())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Outcome outcome = attempt.get();
            if (outcome.kind() != Outcome.Kind.DONE) {
                span.setStatus(StatusCode.ERROR, outcome.kind() + (outcome.code() == null ? "" : " " + outcome.code()));
            }
            return outcome;
        } finally {
            span.end();
        }
    }
}
