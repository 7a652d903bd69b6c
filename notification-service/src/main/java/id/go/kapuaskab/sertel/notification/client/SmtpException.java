package id.go.kapuaskab.sertel.notification.client;

/**
 * A send that did not end with the server's acceptance. {@code code} is the server's reply code, null when there
 * was no reply (a network failure or a time-out). {@code maybeDelivered} is true only when the connection failed after
 * the whole message had been written: the server may have taken it, so only the outbox's later retry (with the
 * same Message-ID) may send it again, never an immediate resend.
 */
public class SmtpException extends RuntimeException {

    private final Integer code;
    private final boolean maybeDelivered;

    public SmtpException(Integer code, String message, boolean maybeDelivered, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.maybeDelivered = maybeDelivered;
    }

    public Integer code() {
        return code;
    }

    /** A 5xx reply: repeating the same message would get the same answer. */
    public boolean permanent() {
        return code != null && code >= 500;
    }

    public boolean maybeDelivered() {
        return maybeDelivered;
    }
}
