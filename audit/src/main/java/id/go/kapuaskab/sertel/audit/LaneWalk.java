package id.go.kapuaskab.sertel.audit;

import id.go.kapuaskab.sertel.audit.VerificationReport.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The records' part of a verification, fed lane by lane in sequence order: each record's hash against its content
 * (CHANGED), its previous hash against the record before (RELINKED), gaps in the sequence (DELETED), what checkpoints
 * say about it (CHECKPOINT_MISMATCH); at each lane's end, missing records up to what the head or a checkpoint counts
 * (TRUNCATED), and the head against the last record (HEAD_MISMATCH).
 */
final class LaneWalk {

    private final AuditVerifier.Findings findings;
    private final AuditVerifier.Expectations expected;
    private final Map<Integer, AuditStore.Head> heads;
    private final List<VerificationReport.Lane> done = new ArrayList<>();
    private final TreeSet<Integer> seen = new TreeSet<>();

    private Integer lane;
    private long nextSeq;
    private byte[] previousHash;
    private long previousId;
    private long records;

    LaneWalk(AuditVerifier.Findings findings, AuditVerifier.Expectations expected, Map<Integer, AuditStore.Head> heads) {
        this.findings = findings;
        this.expected = expected;
        this.heads = heads;
    }

    void next(AuditRecord r) {
        if (lane == null || lane != r.lane()) {
            if (lane != null) {
                endLane();
            }
            startLane(r.lane());
        }
        if (r.seq() < nextSeq) {
            findings.add(Kind.DUPLICATE, lane, r.seq(), null, r.id(), null,
                    "record " + r.id() + " repeats lane " + lane + " seq " + r.seq() + ", which another record holds");
            return;
        }
        if (r.seq() > nextSeq) {
            findings.add(Kind.DELETED, lane, nextSeq, r.seq() - 1, null, null, "lane " + lane + " seq " + range(nextSeq, r.seq() - 1)
                    + " missing: deleted between record " + (previousId == 0 ? "(start of lane)" : previousId) + " and record " + r.id());
        } else if (!Arrays.equals(previousHash, r.prevHash())) {
            findings.add(Kind.RELINKED, lane, r.seq(), null, r.id(), null, "record " + r.id() + " (lane " + lane + " seq " + r.seq()
                    + ") does not link to the record before it" + (previousId == 0 ? "" : " (record " + previousId + ")")
                    + ": that one was replaced, or this one inserted");
        }
        if (!Arrays.equals(AuditCodec.expectedHash(r), r.hash())) {
            findings.add(Kind.CHANGED, lane, r.seq(), null, r.id(), null,
                    "record " + r.id() + " (lane " + lane + " seq " + r.seq() + ") was changed after it was written: its content does not give its hash");
        }
        for (AuditVerifier.Expectations.Claim claim : expected.at(lane, r.seq())) {
            if (!Arrays.equals(claim.hash(), r.hash())) {
                findings.add(Kind.CHECKPOINT_MISMATCH, lane, r.seq(), null, r.id(), claim.checkpointId(), claim.source()
                        + " signed another hash for lane " + lane + " seq " + r.seq() + " than record " + r.id() + " carries: rewritten after it was signed");
            }
        }
        previousHash = r.hash();
        previousId = r.id();
        nextSeq = r.seq() + 1;
        records++;
    }

    /** Ends the last lane, and checks the lanes that heads or checkpoints know but that have no record at all. */
    List<VerificationReport.Lane> finish() {
        if (lane != null) {
            endLane();
        }
        TreeSet<Integer> others = new TreeSet<>(heads.keySet());
        others.addAll(expected.byLane.keySet());
        others.removeAll(seen);
        for (int empty : others) {
            startLane(empty);
            endLane();
        }
        done.sort((a, b) -> Integer.compare(a.lane(), b.lane()));
        return done;
    }

    private void startLane(int l) {
        lane = l;
        seen.add(l);
        nextSeq = 1;
        previousHash = AuditCodec.genesis();
        previousId = 0;
        records = 0;
    }

    private void endLane() {
        long last = nextSeq - 1;
        AuditStore.Head head = heads.get(lane);
        long headSeq = head == null ? -1 : head.seq();
        long counted = Math.max(headSeq, expected.highest(lane));
        if (counted > last) {
            findings.add(Kind.TRUNCATED, lane, last + 1, counted, null, null, "lane " + lane + " seq " + range(last + 1, counted)
                    + " missing at the end: " + (last == 0 ? "the lane is empty" : "the last record is seq " + last + " (record " + previousId + ")")
                    + " but " + (headSeq >= counted ? "its head" : "a signed checkpoint") + " counts " + counted);
        } else if (head == null) {
            findings.add(Kind.HEAD_MISMATCH, lane, null, null, null, null, "lane " + lane + " has records but no head: the head was deleted");
        } else if (headSeq < last) {
            findings.add(Kind.HEAD_MISMATCH, lane, headSeq + 1, last, null, null,
                    "lane " + lane + " head counts " + headSeq + " records but the lane holds " + last + ": the head was set back");
        } else if (!Arrays.equals(head.hash(), previousHash)) {
            findings.add(Kind.HEAD_MISMATCH, lane, last, null, previousId == 0 ? null : previousId, null,
                    "lane " + lane + " head hash differs from its last record's (seq " + last + ")");
        }
        done.add(new VerificationReport.Lane(lane, records, last, headSeq));
    }

    private static String range(long from, long to) {
        return from == to ? Long.toString(from) : from + "–" + to;
    }
}
