package id.go.kapuaskab.sertel.notification.client;

import id.go.kapuaskab.sertel.notification.config.WebhookConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one webhook to a receiver outside sertel. It connects to the address the target check resolved (never
 * resolving the name again, so DNS rebinding cannot redirect it), sends the host name in {@code Host} and TLS SNI
 * and verifies the certificate against it, follows no redirect, and gives the whole exchange {@code timeout}. Only
 * the status line and {@code Retry-After} are read; the body of the answer is discarded unread.
 */
@ApplicationScoped
public class WebhookSender {

    /** The receiver's answer: its status, a {@code Retry-After} in seconds when it sent one, and how long it took. */
    public record Answer(int status, OptionalLong retryAfterSeconds, long millis) {
    }

    /** No answer: the receiver could not be reached, or did not answer within the time-out. */
    public static class NoAnswer extends RuntimeException {
        private final String code;

        public NoAnswer(String code, String message, Throwable cause) {
            super(message, cause, false, false);
            this.code = code;
        }

        /** {@code timeout} or {@code connection}. */
        public String code() {
            return code;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    WebhookSender(Vertx vertx, WebhookConfig config) {
        this.timeout = config.timeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setIdleTimeout((int) Math.max(1, timeout.toSeconds()))
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setMaxPoolSize(32)
                .setVerifyHost(true)
                .setForceSni(true)
                .setTrustAll(false)
                .setMaxRedirects(0));
    }

    public Answer post(WebhookTarget target, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(target.requestUri())
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        options.putHeader("Content-Type", "application/json");
        options.putHeader("User-Agent", "sertel-webhooks/1.0");
        try {
            return client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .map(response -> answer(response, started))
                    .toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new NoAnswer("timeout", "no answer within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            boolean slow = cause.getClass().getSimpleName().contains("Timeout");
            throw new NoAnswer(slow ? "timeout" : "connection", cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("connection", "interrupted", e);
        }
    }

    /** The status is all that counts; the body that may follow is dropped as it arrives (no handler reads it). */
    private static Answer answer(HttpClientResponse response, long started) {
        return new Answer(response.statusCode(), retryAfter(response.getHeader("Retry-After")), (System.nanoTime() - started) / 1_000_000);
    }

    private static OptionalLong retryAfter(String value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
