package id.go.kapuaskab.sertel.support.text;

/**
 * The one rule for text a caller may send: no C0 control characters (U+0000 to U+001F) and no DEL, except tab,
 * carriage return and line feed where the text may have lines (JSON strings such as a reason or a PEM CSR), and no
 * lone surrogates. PostgreSQL refuses U+0000 in text, so such input used to fail deep in a query with a 500; control
 * characters also forge log lines and corrupt the certificate subject, and a lone surrogate has no UTF-8 form and
 * would be stored as {@code ?}. Every edge (JSON bodies, query and path parameters, forms) asks this class.
 */
public final class UnsafeText {

    private UnsafeText() {
    }

    /** Whether text that may span lines holds a character we refuse. */
    public static boolean inMultiLine(CharSequence text) {
        return firstUnsafe(text, true) >= 0;
    }

    /** Whether a one-line value (a parameter, a form field) holds a character we refuse; newlines included. */
    public static boolean inSingleLine(CharSequence text) {
        return firstUnsafe(text, false) >= 0;
    }

    /** The index of the first refused character, or -1. */
    public static int firstUnsafe(CharSequence text, boolean linesAllowed) {
        if (text == null) {
            return -1;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (linesAllowed && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
