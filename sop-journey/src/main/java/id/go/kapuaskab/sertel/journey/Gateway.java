package id.go.kapuaskab.sertel.journey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The gateway as a front end sees it: the only door into the system. Every call goes through {@link #send} so each
 * one is narrated (method, path, what came back). A 429 of the gateway's rate limit is not an error of the system
 * but its documented behaviour (login, e-mail confirmation: 10 a minute per address), so the client waits as
 * {@code Retry-After} says, like a well-behaved front end, within a bounded patience; anything else is returned
 * as it came for the caller to check.
 */
public final class Gateway {

    private final URI base;
    private final HttpClient http;
    private final Narrator narrator;
    private final Duration patience;
    private final String language;

    public Gateway(URI base, Narrator narrator, Duration patience, String language) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.narrator = narrator;
        this.patience = patience;
        this.language = language;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI base() {
        return base;
    }

    public Call get(String path) {
        return new Call(this, "GET", path);
    }

    public Call post(String path) {
        return new Call(this, "POST", path);
    }

    public Call put(String path) {
        return new Call(this, "PUT", path);
    }

    /** Narrates an answer that was fetched quietly (the last poll of a wait). */
    void tell(Answer answer) {
        narrator.exchange(answer.call(), answer);
    }

    Answer send(Call call) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Answer answer = exchange(call);
            long wait = answer.status() == 429 ? answer.header("Retry-After").map(Gateway::seconds).orElse(-1L) : -1L;
            if (wait < 0 || System.nanoTime() + Duration.ofSeconds(wait).toNanos() > deadline) {
                if (!call.isQuiet()) {
                    narrator.exchange(call, answer);
                }
                return answer;
            }
            narrator.note("429 from the gateway's rate limit on " + call.path() + ": waiting " + wait + " s as Retry-After says");
            sleep(Duration.ofSeconds(wait));
        }
    }

    private Answer exchange(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", call.accept())
                .header("Accept-Language", language);
        if (call.session() != null) {
            request.header("Authorization", "Bearer " + call.session().accessToken());
        }
        if (call.body() != null) {
            request.header("Content-Type", call.contentType()).method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(call, response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new JourneyFailure(call.describe() + ": the gateway at " + base + " cannot be reached (" + e + "). Is the stack running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JourneyFailure("interrupted", e);
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JourneyFailure("interrupted", e);
        }
    }
}
