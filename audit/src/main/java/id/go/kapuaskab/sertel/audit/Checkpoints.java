package id.go.kapuaskab.sertel.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signs a checkpoint of the lane heads at intervals ({@code sertel.audit.checkpoint.every}) when the trail grew since
 * the last one. One replica signs at a time (a transaction-scoped advisory lock); the others skip that round.
 */
@ApplicationScoped
public class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class);
    /** The advisory lock key of checkpoint signing: "sertel-audit" as a number. */
    private static final long LOCK = 0x7365727465_6c61L;

    private final AgroalDataSource db;
    private final AuditSigner signer;
    private final AuditMetrics metrics;
    private final Clock clock;
    private final String trail;

    Checkpoints(AgroalDataSource db, AuditSigner signer, AuditMetrics metrics, Clock clock,
                @ConfigProperty(name = "quarkus.application.name") String trail) {
        this.db = db;
        this.signer = signer;
        this.metrics = metrics;
        this.clock = clock;
        this.trail = trail;
    }

    /** A service whose key is missing must not start: the trail would grow without anyone able to vouch for it. */
    void start(@Observes StartupEvent event) {
        LOG.infof("Audit trail %s: checkpoints signed with %s key %s", trail, signer.algorithm(), Pem.keyId(signer.publicKey()));
        refreshMetrics();
    }

    public String trail() {
        return trail;
    }

    @Scheduled(every = "${sertel.audit.checkpoint.every:10m}", delayed = "30s", identity = "audit-checkpoint",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sign();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Audit checkpoint of %s failed", trail);
        }
    }

    /** Signs a checkpoint now, unless another replica is signing or nothing changed since the last one. */
    public Optional<Checkpoint> sign() {
        try {
            return QuarkusTransaction.requiringNew().call(this::signLocked);
        } finally {
            refreshMetrics();   // also when signing failed: the unsigned records keep growing, and the stale alert sees them
        }
    }

    public List<Checkpoint> page(Long before, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = db.getConnection()) {
                return CheckpointStore.page(c, before, limit);
            }
        });
    }

    public AuditSigner signer() {
        return signer;
    }

    private Optional<Checkpoint> signLocked() throws SQLException {
        try (Connection c = db.getConnection()) {
            if (!tryLock(c)) {
                return Optional.empty();
            }
            List<AuditStore.Head> heads = AuditStore.heads(c);
            Optional<Checkpoint> last = CheckpointStore.latest(c);
            if (last.isPresent() && sameHeads(CheckpointStatement.parse(last.get().statement()), heads)) {
                return Optional.empty();
            }
            CheckpointStatement statement = CheckpointStatement.of(trail, clock.instant(), last.map(Checkpoint::statement).orElse(null), heads);
            String text = statement.text();
            byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
            String keyId = Pem.keyId(signer.publicKey());
            long id = CheckpointStore.insert(c, statement, text, signer.algorithm(), keyId, signature);
            LOG.infof("Audit checkpoint %d of %s signed: %s", id, trail, describe(heads));
            return Optional.of(new Checkpoint(id, statement.created(), text, signer.algorithm(), keyId, signature));
        }
    }

    private void refreshMetrics() {
        try {
            QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = db.getConnection()) {
                    long total = AuditStore.heads(c).stream().mapToLong(AuditStore.Head::seq).sum();
                    Optional<Checkpoint> last = CheckpointStore.latest(c);
                    long signed = last.map(cp -> CheckpointStatement.parse(cp.statement()).lanes().values().stream()
                            .mapToLong(AuditStore.Head::seq).sum()).orElse(0L);
                    metrics.checkpointState(last.map(Checkpoint::createdAt).orElse(null), Math.max(0, total - signed));
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the audit checkpoint state: %s", e.toString());
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static boolean sameHeads(CheckpointStatement last, List<AuditStore.Head> heads) {
        if (last.lanes().size() != heads.size()) {
            return false;
        }
        for (AuditStore.Head h : heads) {
            AuditStore.Head before = last.lanes().get(h.lane());
            if (before == null || before.seq() != h.seq() || !Arrays.equals(before.hash(), h.hash())) {
                return false;
            }
        }
        return true;
    }

    private static String describe(List<AuditStore.Head> heads) {
        StringBuilder b = new StringBuilder();
        heads.forEach(h -> b.append(b.length() == 0 ? "" : ", ").append("lane ").append(h.lane()).append(" at ").append(h.seq()));
        return b.toString();
    }

    /** Whether {@code signature} is a valid signature of {@code data} by {@code key} with this algorithm. */
    public static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
