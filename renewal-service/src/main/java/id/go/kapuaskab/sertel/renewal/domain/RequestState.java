package id.go.kapuaskab.sertel.renewal.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of the one request state machine of DOMAIN.md, with its edges. ISSUING is deliberately not
 * cancellable: the CA may already have signed, so the request is finished by the outbox, never abandoned. A
 * definitive refusal by the CA of what the applicant sent (a key certified meanwhile, say) returns it: ISSUING →
 * RETURNED, with the CA's problem code as the reason, so the applicant can fix it and submit again (or, when the
 * certificate to renew got a successor meanwhile, cancel it).
 */
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

    /** The edges of the state machine; everything else is an invalid transition. */
    public Set<RequestState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, CANCELLED);
            case SUBMITTED -> EnumSet.of(IN_REVIEW, CANCELLED);
            case IN_REVIEW -> EnumSet.of(SUBMITTED, RETURNED, REJECTED, APPROVED, CANCELLED);
            case RETURNED -> EnumSet.of(SUBMITTED, CANCELLED);
            case APPROVED -> EnumSet.of(ISSUING, CANCELLED);
            case ISSUING -> EnumSet.of(COMPLETED, RETURNED);
            case REJECTED, COMPLETED, CANCELLED -> EnumSet.noneOf(RequestState.class);
        };
    }

    public boolean canMoveTo(RequestState target) {
        return next().contains(target);
    }
}
