package id.go.kapuaskab.sertel.renewal.domain;

/** The states of the one request state machine of DOMAIN.md. */
public enum RequestState {
    DRAFT,
    SUBMITTED,
    IN_REVIEW,
    RETURNED,
    REJECTED,
    APPROVED,
    ISSUING,
    COMPLETED,
    CANCELLED;

    public boolean isTerminal() {
        return this == REJECTED || this == COMPLETED || this == CANCELLED;
    }
}
