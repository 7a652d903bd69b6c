package id.go.kapuaskab.sertel.audit;

import id.go.kapuaskab.sertel.audit.VerificationReport.Kind;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The checkpoints' part of a verification: each stored checkpoint's signature (with a trusted key, found by its key
 * id), its link to the checkpoint before it, and what it says about the lanes, which becomes an expectation the
 * records must meet. Checkpoints an auditor kept are checked with every trusted key.
 */
final class CheckpointCheck {

    private final String trail;
    private final Map<String, PublicKey> trusted;
    private final AuditVerifier.Findings findings;
    private final AuditVerifier.Expectations expected;
    private String previousStatement;
    int count;
    int verified;
    Instant latest;

    CheckpointCheck(String trail, Map<String, PublicKey> trusted, AuditVerifier.Findings findings, AuditVerifier.Expectations expected) {
        this.trail = trail;
        this.trusted = trusted;
        this.findings = findings;
        this.expected = expected;
    }

    void stored(Checkpoint cp) {
        count++;
        String previous = previousStatement;
        previousStatement = cp.statement();
        PublicKey key = trusted.get(cp.keyId());
        if (key == null) {
            findings.add(Kind.CHECKPOINT_UNKNOWN_KEY, null, null, null, null, cp.id(),
                    "checkpoint " + cp.id() + " names key " + cp.keyId() + ", which this service does not trust");
            return;
        }
        if (!Checkpoints.verify(Pem.signatureAlgorithm(key), key, AuditVerifier.utf8(cp.statement()), cp.signature())) {
            findings.add(Kind.CHECKPOINT_SIGNATURE, null, null, null, null, cp.id(),
                    "the signature of checkpoint " + cp.id() + " does not verify: its statement or signature was changed");
            return;
        }
        CheckpointStatement statement = parse(cp.statement(), cp.id(), "checkpoint " + cp.id());
        if (statement == null) {
            return;
        }
        verified++;
        latest = latest == null || statement.created().isAfter(latest) ? statement.created() : latest;
        String want = previous == null ? CheckpointStatement.NONE : CheckpointStatement.digest(previous);
        if (!want.equals(statement.previous())) {
            findings.add(Kind.CHECKPOINT_CHAIN, null, null, null, null, cp.id(), "checkpoint " + cp.id()
                    + " does not follow the checkpoint stored before it: a checkpoint between them was deleted or changed");
        }
        statement.lanes().values().forEach(h -> expected.add(h, cp.id(), "checkpoint " + cp.id()));
    }

    void supplied(int number, AuditVerifier.Supplied s) {
        String source = "supplied checkpoint " + number;
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(s.signature() == null ? "" : s.signature().strip());
        } catch (IllegalArgumentException e) {
            signature = new byte[0];
        }
        String text = s.statement() == null ? "" : s.statement();
        boolean valid = false;
        for (PublicKey key : trusted.values()) {
            valid |= Checkpoints.verify(Pem.signatureAlgorithm(key), key, AuditVerifier.utf8(text), signature);
        }
        if (!valid) {
            findings.add(Kind.CHECKPOINT_SIGNATURE, null, null, null, null, null,
                    source + ": the signature does not verify with any key this service trusts");
            return;
        }
        CheckpointStatement statement = parse(text, null, source);
        if (statement != null) {
            statement.lanes().values().forEach(h -> expected.add(h, null, source));
        }
    }

    private CheckpointStatement parse(String text, Long id, String source) {
        try {
            CheckpointStatement statement = CheckpointStatement.parse(text);
            if (!trail.equals(statement.trail())) {
                findings.add(Kind.CHECKPOINT_MALFORMED, null, null, null, null, id, source + " is of trail " + statement.trail());
                return null;
            }
            return statement;
        } catch (IllegalArgumentException e) {
            findings.add(Kind.CHECKPOINT_MALFORMED, null, null, null, null, id, source + ": " + e.getMessage());
            return null;
        }
    }
}
