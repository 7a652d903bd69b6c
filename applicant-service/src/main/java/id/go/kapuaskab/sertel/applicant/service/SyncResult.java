package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.support.problem.DomainException;
import java.util.List;
import java.util.UUID;

/**
 * What happened (or, in a dry run, would happen) to one person of a staff-sync batch; {@code replayed} when the event
 * was applied by an earlier call and this is that call's result, unchanged.
 */
public record SyncResult(int index, Outcome outcome, UUID applicantId, UUID dataChangeId, UUID revocationRequestId, List<String> changedFields,
                         DomainException problem, boolean replayed) {

    /** The outcomes, in the staffing system's terms. */
    public enum Outcome {
        /** A new applicant; they confirm the e-mail through the mailed link and are then ACTIVE. */
        REGISTERED,
        /** A data change for a verifier to approve (source: this client); nothing on record changed yet. */
        DATA_CHANGE_SUBMITTED,
        /**
         * A retired or deceased holder: a revocation request in renewal-service for the verifiers to decide (a new one, or
         * the open one); nothing revoked yet.
         */
        REVOCATION_REQUESTED,
        /**
         * Nothing to do: the record says the same, an open change of this client already proposes exactly this, or a
         * person who left holds no certificate to revoke (or was never registered).
         */
        UNCHANGED,
        /** Not done: see {@code problem}. */
        REFUSED
    }

    /** What was done (not a replay). */
    public SyncResult(int index, Outcome outcome, UUID applicantId, UUID dataChangeId, List<String> changedFields, DomainException problem) {
        this(index, outcome, applicantId, dataChangeId, null, changedFields, problem, false);
    }

    static SyncResult refused(int index, UUID applicantId, DomainException problem) {
        return new SyncResult(index, Outcome.REFUSED, applicantId, null, List.of(), problem);
    }
}
