package id.go.kapuaskab.sertel.notification.domain;

/**
 * How one SMTP attempt ended. IN_FLIGHT is written before the message leaves; UNKNOWN marks an attempt whose worker
 * died before recording the answer (the message may or may not have been accepted); SKIPPED an attempt that found
 * the certificate already renewed or revoked and sent nothing.
 */
public enum AttemptOutcome {
    IN_FLIGHT, SENT, TRANSIENT, PERMANENT, SKIPPED, UNKNOWN
}
