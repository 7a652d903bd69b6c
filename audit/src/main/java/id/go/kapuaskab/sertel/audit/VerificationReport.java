package id.go.kapuaskab.sertel.audit;

import java.time.Instant;
import java.util.List;

/**
 * What a verification found. {@code intact} is true only when there is no finding. Each finding names what is wrong
 * by lane and sequence number (and the record's id where one exists), so an auditor can go to that record.
 */
public record VerificationReport(String trail, Instant verifiedAt, boolean intact, long records, List<Lane> lanes,
                                 int checkpoints, int checkpointsVerified, Instant latestCheckpoint, List<Finding> findings,
                                 boolean findingsTruncated) {

    /** One chain: records found, the last sequence number found, and what its head says. */
    public record Lane(int lane, long records, long lastSeq, long headSeq) {
    }

    /**
     * One problem. {@code seq} (to {@code toSeq} for a range) and {@code recordId} name the records; {@code checkpointId}
     * the checkpoint involved; {@code detail} says it in words.
     */
    public record Finding(Kind kind, Integer lane, Long seq, Long toSeq, Long recordId, Long checkpointId, String detail) {
    }

    public enum Kind {
        /** The record's content does not give its stored hash: it was edited after it was written. */
        CHANGED,
        /** Sequence numbers are missing between two records: those records were deleted. */
        DELETED,
        /** Records are missing at the end of a lane, up to what its head or a checkpoint says was written. */
        TRUNCATED,
        /** The record's previous hash is not the hash of the record before it: that one was replaced, or this one inserted. */
        RELINKED,
        /** Two records carry the same place in a lane. */
        DUPLICATE,
        /** A lane head disagrees with the last record of its lane, or is missing. */
        HEAD_MISMATCH,
        /** A checkpoint's hash for a record is not the record's hash: the record was rewritten with new hashes. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature does not verify with the key it names. */
        CHECKPOINT_SIGNATURE,
        /** A checkpoint names a key this service does not trust. */
        CHECKPOINT_UNKNOWN_KEY,
        /** A checkpoint does not name the digest of the one before it: a checkpoint between them was changed or deleted. */
        CHECKPOINT_CHAIN,
        /** A checkpoint is not a statement of this trail. */
        CHECKPOINT_MALFORMED
    }
}
