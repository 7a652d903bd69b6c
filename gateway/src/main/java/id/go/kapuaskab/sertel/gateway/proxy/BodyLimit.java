package id.go.kapuaskab.sertel.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;

/**
 * The body limit for bodies the gateway streams without knowing their length (chunked): bytes are counted as they pass
 * to the backend, and past the limit the call to the backend is abandoned, which {@link BackendFailures} answers with a
 * 413 problem. A body with a {@code Content-Length} over the limit never gets here (the edge refuses it first). After
 * the limit the rest of the body is read and dropped for a while, so the client can read the answer before the
 * connection closes.
 */
final class BodyLimit implements ProxyInterceptor {

    /** Set on the proxy context when the body went over the limit. */
    static final String EXCEEDED = "sertel.body-too-large";
    private static final int DRAIN_FACTOR = 4;

    private final long maxBytes;

    BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Future<io.vertx.httpproxy.ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Body body = request.getBody();
        if (body != null && body.length() < 0) {
            request.setBody(Body.body(new Counted(body.stream(), maxBytes, () -> context.set(EXCEEDED, Boolean.TRUE),
                    () -> request.proxiedRequest().connection().close()), -1));
        }
        return context.sendRequest();
    }

    /** A body stream that fails once more than {@code max} bytes went through. */
    static final class Counted implements ReadStream<Buffer> {

        private final ReadStream<Buffer> source;
        private final long max;
        private final Runnable onExceeded;
        private final Runnable close;
        private Handler<Buffer> handler;
        private Handler<Throwable> exceptionHandler;
        private Handler<Void> endHandler;
        private long seen;
        private boolean exceeded;

        Counted(ReadStream<Buffer> source, long max, Runnable onExceeded, Runnable close) {
            this.source = source;
            this.max = max;
            this.onExceeded = onExceeded;
            this.close = close;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> h) {
            handler = h;
            if (h != null) {
                source.handler(this::data);
            } else if (!exceeded) {
                source.handler(null);
            }
            return this;
        }

        private void data(Buffer chunk) {
            seen += chunk.length();
            if (exceeded) {
                if (seen > max * DRAIN_FACTOR) {
                    close.run();
                }
                return;
            }
            if (seen > max) {
                exceeded = true;
                onExceeded.run();
                source.resume();
                Handler<Throwable> failed = exceptionHandler;
                if (failed != null) {
                    failed.handle(new IllegalStateException("request body over " + max + " bytes"));
                }
                return;
            }
            if (handler != null) {
                handler.handle(chunk);
            }
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> h) {
            exceptionHandler = h;
            source.exceptionHandler(h);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> h) {
            endHandler = h;
            source.endHandler(v -> {
                Handler<Void> end = endHandler;
                if (!exceeded && end != null) {
                    end.handle(null);
                }
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            if (!exceeded) {
                source.pause();
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            source.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            if (!exceeded) {
                source.fetch(amount);
            }
            return this;
        }
    }
}
