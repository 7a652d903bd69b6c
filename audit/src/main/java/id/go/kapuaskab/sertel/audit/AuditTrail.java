package id.go.kapuaskab.sertel.audit;

import id.go.kapuaskab.sertel.support.web.RequestIds;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.MDC;

/**
 * What services use: {@link #append} writes a record in the transaction of the decision it describes, so both commit
 * or neither does; {@link #appendNow} commits on its own, for a refusal whose own transaction rolls back.
 * <p>
 * The first append of a transaction takes a lane no other transaction holds and keeps it to the end (later appends of
 * the same transaction go to the same lane, so they never wait for each other). Only when every lane is taken does it
 * wait, for a random lane this thread does not hold itself: an {@link #appendNow} while the thread's own outer
 * transaction holds a lane must not wait for that transaction, which waits for it.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Object LANE_KEY = new Object();
    private static final ThreadLocal<Set<Holding>> HELD = ThreadLocal.withInitial(ConcurrentHashMap::newKeySet);

    private final AgroalDataSource db;
    private final TransactionSynchronizationRegistry transactions;
    private final AuditConfig config;
    private final AuditMetrics metrics;
    private final Clock clock;

    AuditTrail(AgroalDataSource db, TransactionSynchronizationRegistry transactions, AuditConfig config, AuditMetrics metrics, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        if (config.lanes() < 1 || config.lanes() > 64) {
            throw new IllegalStateException("sertel.audit.lanes must be between 1 and 64, was " + config.lanes());
        }
    }

    void start(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::ensureLanes);
    }

    /** Appends in the caller's transaction, which must exist; returns where the record landed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditStore.Appended append(AuditEntry entry) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        AuditStore.Row row = entry.row(clock.instant(), requestId == null ? null : requestId.toString());
        try (Connection c = db.getConnection()) {
            Holding held = (Holding) transactions.getResource(LANE_KEY);
            AuditStore.Appended appended = held != null ? AuditStore.appendToLane(c, held.lane, row) : firstAppend(c, row);
            if (appended == null) {
                throw new IllegalStateException("audit lane " + (held == null ? "?" : held.lane) + " has no head");
            }
            if (held == null) {
                hold(appended.lane());
            }
            metrics.appended();
            return appended;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot append to the audit trail", e);
        }
    }

    /**
     * An append that rides in a statement of the caller's, in the caller's transaction, which must exist: its
     * {@link Staged#members} go into the statement's WITH clause and write the record only when the statement's member
     * {@code guard} returns a row, its {@link Staged#result} into the statement's final SELECT, read back with
     * {@link Staged#read}. When every lane was held by other transactions, nothing was written:
     * {@link Staged#ensureWritten} appends it then, waiting for a lane. One staged append per statement (its members
     * have fixed names).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Staged stage(AuditEntry entry, String guard) {
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        Holding held = (Holding) transactions.getResource(LANE_KEY);
        return new Staged(entry, entry.row(clock.instant(), requestId == null ? null : requestId.toString()), held == null ? null : held.lane,
                guard);
    }

    /** An append to be made by a statement of the caller's ({@link #stage}). */
    public final class Staged {
        private final AuditEntry entry;
        private final AuditStore.Row row;
        private final Integer heldLane;
        private final String guard;
        private boolean written;

        private Staged(AuditEntry entry, AuditStore.Row row, Integer heldLane, String guard) {
            this.entry = entry;
            this.row = row;
            this.heldLane = heldLane;
            this.guard = guard;
        }

        /** Members of the statement's WITH clause, after {@code guard}'s. */
        public String members() {
            return AuditStore.guardedMembers(guard, heldLane);
        }

        /** Binds the members' parameters from {@code index}; returns the next free index. */
        public int bind(PreparedStatement s, int index) throws SQLException {
            return AuditStore.bindMembers(s, index, config.lanes(), heldLane, row);
        }

        /** An expression for the statement's final SELECT: the lane the record landed in, null when none. */
        public String result() {
            return "(SELECT lane FROM audit_appended)";
        }

        /** Reads {@link #result}'s column once the statement ran; if the record was written, this transaction now holds its lane. */
        public void read(ResultSet rs, int column) throws SQLException {
            int lane = rs.getInt(column);
            if (rs.wasNull()) {
                return;
            }
            if (heldLane == null) {
                hold(lane);
            }
            metrics.appended();
            written = true;
        }

        /**
         * For a statement whose guard returned a row: appends the record now unless the statement wrote it (it did not
         * when every lane was held by other transactions; this append waits for one).
         */
        public void ensureWritten() {
            if (!written) {
                append(entry);
                written = true;
            }
        }
    }

    /** Appends and commits on its own, whatever happens to the caller's transaction. */
    public AuditStore.Appended appendNow(AuditEntry entry) {
        return QuarkusTransaction.requiringNew().call(() -> append(entry));
    }

    private AuditStore.Appended firstAppend(Connection c, AuditStore.Row row) throws SQLException {
        AuditStore.Appended appended = AuditStore.appendToFreeLane(c, config.lanes(), row);
        if (appended != null) {
            return appended;
        }
        int lane = laneToWaitFor();
        appended = AuditStore.appendToLane(c, lane, row);
        if (appended == null) {                      // the lanes were raised since start: create them, then append
            AuditStore.ensureLanes(c, config.lanes());
            appended = AuditStore.appendToLane(c, lane, row);
        }
        return appended;
    }

    private int laneToWaitFor() {
        Set<Integer> mine = new HashSet<>();
        HELD.get().removeIf(h -> h.done);
        HELD.get().forEach(h -> mine.add(h.lane));
        List<Integer> candidates = new ArrayList<>();
        for (int lane = 0; lane < config.lanes(); lane++) {
            if (!mine.contains(lane)) {
                candidates.add(lane);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("Every audit lane is held by a suspended transaction of this thread; "
                    + "an append here would wait for itself (raise sertel.audit.lanes or append in the outer transaction)");
        }
        return candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
    }

    private void hold(int lane) {
        Holding holding = new Holding(lane);
        transactions.putResource(LANE_KEY, holding);
        Set<Holding> mine = HELD.get();
        mine.add(holding);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                holding.done = true;
                mine.remove(holding);
            }
        });
    }

    private void ensureLanes() {
        try (Connection c = db.getConnection()) {
            AuditStore.ensureLanes(c, config.lanes());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the audit lanes", e);
        }
    }

    /** A lane held by one transaction until it completes. */
    private static final class Holding {
        final int lane;
        volatile boolean done;

        Holding(int lane) {
            this.lane = lane;
        }
    }
}
