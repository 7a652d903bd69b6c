package id.go.kapuaskab.sertel.notification.service;

import io.vertx.ext.mail.SMTPException;

/**
 * What a failed send means for the next attempt. A 5xx reply (mailbox unknown, address refused, message rejected)
 * or an address that cannot be written to is permanent: retrying would only repeat it. Anything else (a 4xx reply,
 * a refused or dropped connection, a time-out) is transient.
 */
public record SmtpFailure(boolean permanent, Integer code, String detail) {

    public static SmtpFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return new SmtpFailure(smtp.isPermanent(), smtp.getReplyCode(), smtp.getMessage());
            }
            if (t instanceof IllegalArgumentException) {
                return new SmtpFailure(true, null, "invalid address: " + t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + root.getMessage();
        return new SmtpFailure(false, null, message);
    }

    /**
     * 421: the server closed the channel without taking the message (often before any reply at all, when the
     * mail client missed the greeting). Nothing was accepted, so one immediate resend on a new connection is safe.
     */
    public boolean serverClosedChannel() {
        return code != null && code == 421;
    }

    /** A recipient this service will not even try: missing, not an address, or not plain ASCII. */
    public static boolean isUnusableAddress(String address) {
        if (address == null || address.isBlank() || !address.chars().allMatch(ch -> ch > 32 && ch < 127)) {
            return true;
        }
        int at = address.indexOf('@');
        return at <= 0 || at != address.lastIndexOf('@') || at == address.length() - 1 || address.endsWith(".")
                || !address.substring(at + 1).contains(".") && !address.substring(at + 1).equals("localhost");
    }
}
