package id.go.kapuaskab.sertel.outbox;

/**
 * Delivers the items of one topic. A service provides one {@code @ApplicationScoped} bean per topic; the engine
 * finds them all. {@link #handle} runs outside any transaction (it calls other services, the mail server, a
 * webhook receiver); {@link #settle} runs inside the transaction that records the attempt, so the service's own
 * consequence of the outcome (a request completed, a message marked sent) commits together with it, or not at all.
 * A handler must be safe to run twice for the same item: delivery is at least once.
 */
public interface OutboxHandler {

    String topic();

    /** One attempt. A runtime exception counts as RETRY with the exception as detail. */
    Outcome handle(OutboxItem item);

    /**
     * The service's side of the final word on this attempt, in the engine's transaction. {@code outcome} is the
     * effective one: a RETRY past the topic's limit arrives here as DEAD, and a RETRY carries in
     * {@link Outcome#retryAfterHint()} the wait before the next attempt.
     */
    default void settle(OutboxItem item, Outcome outcome) {
    }
}
