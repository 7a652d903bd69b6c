package id.go.kapuaskab.sertel.support.pii;

/**
 * Masking of personal numbers (NIK, NIP, phone) for logs, errors and metrics, as UU 27/2022 PDP expects:
 * all but the last four digits are replaced, so an operator can still tell two records apart.
 */
public final class Pii {

    private Pii() {
    }

    public static String mask(String value) {
        if (value == null) {
            return null;
        }
        int keep = Math.min(4, value.length() / 2);
        StringBuilder masked = new StringBuilder(value.length());
        for (int i = 0; i < value.length() - keep; i++) {
            masked.append(Character.isDigit(value.charAt(i)) || Character.isLetter(value.charAt(i)) ? '*' : value.charAt(i));
        }
        return masked.append(value, value.length() - keep, value.length()).toString();
    }

    /** An e-mail address with its local part reduced to its first letter: {@code b***@kapuaskab.go.id}. */
    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return mask(email);
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
