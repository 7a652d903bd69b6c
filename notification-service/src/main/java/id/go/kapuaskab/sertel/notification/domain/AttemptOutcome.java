package id.go.kapuaskab.sertel.notification.domain;

/**
 * How one SMTP attempt ended, as the delivery log shows it. UNKNOWN marks an attempt whose worker died before
 * recording the answer (the message may or may not have been accepted); SKIPPED an attempt that found the
 * certificate already renewed or revoked and sent nothing.
 */
public enum AttemptOutcome {
    SENT, TRANSIENT, PERMANENT, SKIPPED, UNKNOWN;

    /** The outbox's record of an attempt ({@code DONE}, {@code RETRY}, {@code DEAD}, {@code ABANDONED}) in mail terms. */
    public static AttemptOutcome of(String outboxOutcome, String code) {
        return switch (outboxOutcome) {
            case "DONE" -> "SKIPPED".equals(code) ? SKIPPED : SENT;
            case "RETRY" -> TRANSIENT;
            case "DEAD" -> code != null && !code.startsWith("4") ? PERMANENT : TRANSIENT;
            default -> UNKNOWN;
        };
    }

    /** The SMTP reply code in an attempt's code, when there is one. */
    public static Integer smtpCode(String code) {
        return code != null && code.matches("[2-5]\\d\\d") ? Integer.valueOf(code) : null;
    }
}
