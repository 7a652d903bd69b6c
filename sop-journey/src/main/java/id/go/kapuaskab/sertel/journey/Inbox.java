package id.go.kapuaskab.sertel.journey;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The applicants' and officers' mailboxes: the local mail catcher's HTTP inbox ({@code /messages}, JSON, newest
 * first), which holds every mail the services sent over SMTP; one mailbox is read with {@code ?to=}, so waiting for a
 * mail costs the same however many others the stack has caught. The acceptance test and the demo read mail the same way.
 * Mail is sent after the transaction that caused it, so {@link #await} polls until the expected message arrives.
 */
public final class Inbox {

    private static final Duration POLL = Duration.ofMillis(300);

    private final URI messages;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration timeout;

    public Inbox(URI base, Duration timeout) {
        this.messages = URI.create(base.toString().replaceAll("/+$", "") + "/messages");
        this.timeout = timeout;
    }

    /** Every message so far, newest first. */
    public List<Mail> messages() {
        return read(messages);
    }

    /** The messages so far to this address, newest first (the catcher filters them). */
    public List<Mail> messages(String to) {
        return read(URI.create(messages + "?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8)));
    }

    private List<Mail> read(URI uri) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new JourneyFailure("the mail catcher's inbox " + messages + " answered " + r.statusCode());
            }
            return Json.stream(Json.parse(r.body())).map(Mail::of).toList();
        } catch (IOException e) {
            throw new JourneyFailure("the mail catcher's inbox " + messages + " cannot be reached (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JourneyFailure("interrupted", e);
        }
    }

    /** The newest message to this address that matches, waiting for it; fails after the timeout naming what did arrive. */
    public Mail await(String to, String what, Predicate<Mail> match) {
        return awaitAll(to, what, match, 1).get(0);
    }

    /** At least {@code count} messages to this address that match (newest first), waiting for them. */
    public List<Mail> awaitAll(String to, String what, Predicate<Mail> match, int count) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Mail> mine = messages(to).stream().filter(m -> m.isTo(to)).toList();
            List<Mail> found = mine.stream().filter(match).toList();
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new JourneyFailure("no " + what + " for " + to + " within " + timeout.toSeconds() + " s; " + to + " received: "
                        + (mine.isEmpty() ? "nothing" : mine.stream().map(Mail::subject).collect(Collectors.joining(" | "))));
            }
            Gateway.sleep(POLL);
        }
    }
}
