package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.client.SmtpException;

/**
 * What a failed send means for the next attempt. A 5xx reply (mailbox unknown, address refused, message rejected)
 * or an address that cannot be written to is permanent: retrying would only repeat it. Anything else (a 4xx reply,
 * a refused or dropped connection, a time-out) is transient.
 */
public record SmtpFailure(boolean permanent, Integer code, String detail) {

    public static SmtpFailure of(RuntimeException failure) {
        if (failure instanceof SmtpException smtp) {
            return new SmtpFailure(smtp.permanent(), smtp.code(), smtp.getMessage());
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + root.getMessage();
        return new SmtpFailure(false, null, message);
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
