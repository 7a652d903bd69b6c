package id.go.kapuaskab.sertel.audit;

import id.go.kapuaskab.sertel.audit.VerificationReport.Finding;
import id.go.kapuaskab.sertel.audit.VerificationReport.Kind;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the whole trail: every checkpoint's signature and its link to the one before; every record's hash against
 * its content, its link to the record before it and the sequence without gaps; each lane's end against its head and
 * against the newest checkpoint that covers it; the records the checkpoints name against what they say.
 * <p>
 * What it can prove: a record changed, deleted or cut off after a checkpoint covered it is found even if whoever did
 * it recomputed every hash after it; without a checkpoint, an edit that leaves the hashes as they were, a deleted
 * record in the middle, and records cut off the end while the head still counts them are found. What nobody can
 * prove from the database alone: the newest records, appended after the last checkpoint, removed together with the
 * head's count by someone who can switch the triggers off. Checkpoints an auditor kept outside close that gap:
 * pass them in ({@code supplied}).
 */
@ApplicationScoped
public class AuditVerifier {

    /** A checkpoint the auditor kept: its statement and its signature (base64). */
    public record Supplied(String statement, String signature) {
    }

    static final int MAX_FINDINGS = 1000;

    private final AgroalDataSource db;
    private final AuditSigner signer;
    private final AuditMetrics metrics;
    private final Clock clock;
    private final String trail;

    AuditVerifier(AgroalDataSource db, AuditSigner signer, AuditMetrics metrics, Clock clock, Checkpoints checkpoints) {
        this.db = db;
        this.signer = signer;
        this.metrics = metrics;
        this.clock = clock;
        this.trail = checkpoints.trail();
    }

    public VerificationReport verify(List<Supplied> supplied) {
        VerificationReport report = Snapshots.read(db, c -> run(c, supplied == null ? List.of() : supplied));
        metrics.verified(report.findings().size());
        return report;
    }

    private VerificationReport run(Connection c, List<Supplied> supplied) throws Exception {
        Findings findings = new Findings();
        Map<String, PublicKey> trusted = new LinkedHashMap<>();
        trusted.put(Pem.keyId(signer.publicKey()), signer.publicKey());
        signer.previousKeys().forEach(k -> trusted.put(Pem.keyId(k), k));
        Expectations expected = new Expectations();
        CheckpointCheck checks = new CheckpointCheck(trail, trusted, findings, expected);
        CheckpointStore.each(c, checks::stored);
        for (int i = 0; i < supplied.size(); i++) {
            checks.supplied(i + 1, supplied.get(i));
        }
        Map<Integer, AuditStore.Head> heads = new TreeMap<>();
        AuditStore.heads(c).forEach(h -> heads.put(h.lane(), h));
        LaneWalk walk = new LaneWalk(findings, expected, heads);
        AuditReads.walk(c, walk::next);
        List<VerificationReport.Lane> lanes = walk.finish();
        long records = lanes.stream().mapToLong(VerificationReport.Lane::records).sum();
        return new VerificationReport(trail, clock.instant(), findings.list.isEmpty(), records, lanes, checks.count, checks.verified,
                checks.latest, List.copyOf(findings.list), findings.truncated);
    }

    /** Findings, at most {@link #MAX_FINDINGS} (a wholesale rewrite would otherwise make a report of millions). */
    static final class Findings {
        final List<Finding> list = new ArrayList<>();
        boolean truncated;

        void add(Kind kind, Integer lane, Long seq, Long toSeq, Long recordId, Long checkpointId, String detail) {
            if (list.size() >= MAX_FINDINGS) {
                truncated = true;
                return;
            }
            list.add(new Finding(kind, lane, seq, toSeq, recordId, checkpointId, detail));
        }
    }

    /** What verified checkpoints say each lane held: lane → seq → hashes (with the checkpoint that said it). */
    static final class Expectations {
        record Claim(byte[] hash, Long checkpointId, String source) {
        }

        final Map<Integer, TreeMap<Long, List<Claim>>> byLane = new TreeMap<>();

        void add(AuditStore.Head head, Long checkpointId, String source) {
            byLane.computeIfAbsent(head.lane(), l -> new TreeMap<>()).computeIfAbsent(head.seq(), s -> new ArrayList<>())
                    .add(new Claim(head.hash(), checkpointId, source));
        }

        List<Claim> at(int lane, long seq) {
            TreeMap<Long, List<Claim>> m = byLane.get(lane);
            return m == null ? List.of() : m.getOrDefault(seq, List.of());
        }

        long highest(int lane) {
            TreeMap<Long, List<Claim>> m = byLane.get(lane);
            return m == null || m.isEmpty() ? 0 : m.lastKey();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
