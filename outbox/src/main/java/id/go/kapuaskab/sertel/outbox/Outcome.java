package id.go.kapuaskab.sertel.outbox;

import java.time.Duration;
import java.util.Optional;

/**
 * How one attempt ended, as the handler says. DONE ends the item; RETRY brings it back after the back-off (or the
 * wait the handler names, e.g. a peer's {@code Retry-After}) until the topic's attempt limit makes it DEAD; DEAD
 * ends it at once (a refusal that repeating cannot change). {@code code} and {@code detail} go into the attempts
 * record; {@code value} carries a result from {@link OutboxHandler#handle} to {@link OutboxHandler#settle}.
 */
public record Outcome(Kind kind, String code, String detail, Duration retryAfter, Object value) {

    public enum Kind {
        DONE,
        RETRY,
        DEAD
    }

    public static Outcome done() {
        return new Outcome(Kind.DONE, null, null, null, null);
    }

    /** Done, with a result the handler's {@code settle} stores in the same transaction. */
    public static Outcome done(Object value) {
        return new Outcome(Kind.DONE, null, null, null, value);
    }

    public static Outcome retry(String detail) {
        return new Outcome(Kind.RETRY, null, detail, null, null);
    }

    public static Outcome dead(String code, String detail) {
        return new Outcome(Kind.DEAD, code, detail, null, null);
    }

    public Outcome withCode(String newCode) {
        return new Outcome(kind, newCode, detail, retryAfter, value);
    }

    public Outcome withValue(Object newValue) {
        return new Outcome(kind, code, detail, retryAfter, newValue);
    }

    public Outcome withDetail(String newDetail) {
        return new Outcome(kind, code, newDetail, retryAfter, value);
    }

    /** Retry no sooner than this (the engine's back-off still applies when it is longer). */
    public Outcome after(Duration wait) {
        return new Outcome(kind, code, detail, wait, value);
    }

    public boolean isDone() {
        return kind == Kind.DONE;
    }

    public boolean isDead() {
        return kind == Kind.DEAD;
    }

    public Optional<Duration> retryAfterHint() {
        return Optional.ofNullable(retryAfter);
    }
}
