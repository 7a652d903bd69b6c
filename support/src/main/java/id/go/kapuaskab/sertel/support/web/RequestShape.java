package id.go.kapuaskab.sertel.support.web;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The size of a request, judged before anything reads it, each limit answered with its problem: a request target
 * longer than the limit is 414, header lines over the limit 431, a declared {@code Content-Length} over the body limit
 * 413 (not a number: 400). A body without a length (chunked) is read here, counting, unless the route streams bodies:
 * over the limit it is 413 too; Quarkus' own check of such bodies answers a bare 413. After refusing a body the rest of
 * it is read and dropped (up to {@link #DRAIN_FACTOR} times the limit), so the connection stays usable: a gateway that
 * is still sending the body must be able to read the answer, not find the connection closed under it (a 502).
 */
final class RequestShape {

    /** What a refused request gets: the problem code and status. */
    record Refusal(String code, int status) {
    }

    static final int DRAIN_FACTOR = 4;

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
    /** {@code type/subtype} of RFC 9110 tokens, then any parameters (read by the REST layer). */
    private static final java.util.regex.Pattern MEDIA_TYPE =
            java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+\\s*(;.*)?", java.util.regex.Pattern.DOTALL);

    Refusal judgeHead(HttpServerRequest request) {
        if (request.uri() != null && request.uri().length() > maxUriLength) {
            return new Refusal("uri-too-long", 414);
        }
        if (headerBytes(request.headers()) > maxHeaderBytes) {
            return new Refusal("header-fields-too-large", 431);
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && !MEDIA_TYPE.matcher(type).matches()) {
            return new Refusal("unsupported-media-type", 415);   // the REST layer's media type parser would throw: a 500
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
     * Reads the body into memory, counting; hands it to {@code read} when complete, or calls {@code tooLarge} (once)
     * when it passes the limit and then drops the rest.
     */
    void readCounted(RoutingContext ctx, Runnable tooLarge, Consumer<Buffer> read) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        long[] seen = {0};
        boolean[] refused = {false};
        request.handler(chunk -> {
            seen[0] += chunk.length();
            if (refused[0]) {
                closeWhenEndless(request, seen[0]);
                return;
            }
            if (seen[0] > maxBodyBytes) {
                refused[0] = true;
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
                read.accept(body);
            }
        });
        request.resume();
    }

    /** After an answer that refused the body: read the rest of it and drop it, or close when there is too much. */
    void drain(HttpServerRequest request) {
        long[] seen = {0};
        request.handler(chunk -> {
            seen[0] += chunk.length();
            closeWhenEndless(request, seen[0]);
        });
        request.exceptionHandler(e -> { });
        request.resume();
    }

    /** A declared body we would rather not read to its end: the connection is closed after the answer. */
    boolean tooLongToDrain(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.trim()) > maxBodyBytes * DRAIN_FACTOR;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private void closeWhenEndless(HttpServerRequest request, long seen) {
        if (seen > maxBodyBytes * DRAIN_FACTOR) {
            request.connection().close();
        }
    }

    static int headerBytes(MultiMap headers) {
        int total = 0;
        for (Map.Entry<String, String> h : headers) {
            total += h.getKey().length() + h.getValue().length() + 4;
        }
        return total;
    }
}
