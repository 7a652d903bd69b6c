package id.go.kapuaskab.sertel.support.web;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;

/**
 * The size of a request, judged before anything reads it, each limit answered with its problem: a request target
 * longer than the limit is 414, header lines over the limit 431, a declared {@code Content-Length} over the body limit
 * or not a number 413 or 400. A body without a length (chunked) is read here, counting, unless the route streams
 * bodies: over the limit it is 413 too. Quarkus' own check of such bodies answers a bare 413 and closes the connection.
 */
final class RequestShape {

    /** What a refused request gets: the problem code and status. */
    record Refusal(String code, int status) {
    }

    /** After refusing a body we read on, up to this multiple of the limit, so the client can still read our answer. */
    private static final int DRAIN_FACTOR = 4;

    private final int maxUriLength;
    private final int maxHeaderBytes;
    private final long maxBodyBytes;

    RequestShape(int maxUriLength, int maxHeaderBytes, long maxBodyBytes) {
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The refusal for the request line and headers, or null when they are acceptable. */
    Refusal judgeHead(HttpServerRequest request) {
        if (request.uri() != null && request.uri().length() > maxUriLength) {
            return new Refusal("uri-too-long", 414);
        }
        if (headerBytes(request.headers()) > maxHeaderBytes) {
            return new Refusal("header-fields-too-large", 431);
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    return new Refusal("payload-too-large", 413);
                }
            } catch (NumberFormatException e) {
                return new Refusal("malformed-request", 400);
            }
        }
        return null;
    }

    static boolean hasBodyWithoutLength(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return request.getHeader(HttpHeaders.CONTENT_LENGTH) == null && encoding != null
                && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /**
     * Reads a body without a length into the context, so the REST layer takes it from there; calls {@code tooLarge}
     * (once) when it passes the limit, then discards the rest for a while and closes the connection.
     */
    void readCounted(RoutingContext ctx, Runnable tooLarge) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        long[] seen = {0};
        boolean[] refused = {false};
        request.handler(chunk -> {
            seen[0] += chunk.length();
            if (refused[0]) {
                if (seen[0] > maxBodyBytes * DRAIN_FACTOR) {
                    request.connection().close();
                }
                return;
            }
            if (seen[0] > maxBodyBytes) {
                refused[0] = true;
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                tooLarge.run();
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> {
            if (!ctx.response().ended()) {
                ctx.fail(400, e);
            }
        });
        request.endHandler(v -> {
            if (!refused[0]) {
                ctx.setBody(body);
                ctx.next();
            }
        });
        request.resume();
    }

    static int headerBytes(MultiMap headers) {
        int total = 0;
        for (Map.Entry<String, String> h : headers) {
            total += h.getKey().length() + h.getValue().length() + 4;
        }
        return total;
    }
}
