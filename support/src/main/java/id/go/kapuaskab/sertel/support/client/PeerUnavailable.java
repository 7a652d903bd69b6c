package id.go.kapuaskab.sertel.support.client;

/**
 * A peer service could not give an answer: unreachable, too slow, a 5xx, or refusing our own identity (which a
 * configuration fix cures). Worth retrying; callers treat the fault-tolerance exceptions (open breaker, time-out)
 * the same way.
 */
public class PeerUnavailable extends RuntimeException {

    public PeerUnavailable(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    public PeerUnavailable(String message) {
        super(message, null, false, false);
    }
}
