package id.go.kapuaskab.sertel.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The engine's SQL, and nothing else: every statement runs on the caller's connection, inside the caller's (JTA)
 * transaction. Claims are {@code FOR UPDATE SKIP LOCKED}, so workers of all replicas never take one item twice;
 * an item whose ordering key has an earlier PENDING item is not claimable, which keeps per-key order; a finish only
 * counts while the finisher still holds the lease of that very attempt.
 */
@ApplicationScoped
class OutboxStore {

    /** An item as claimed: the handler's view plus what the engine needs to finish the attempt. */
    record Claimed(OutboxItem item, Instant startedAt, String previousOwner, Instant previousStart) {
    }

    /** Backlog figures of one topic. */
    record TopicStats(String topic, long pending, Instant oldestPending, long dead) {
    }

    private static final String COLUMNS = "id, topic, ordering_key, reference, payload, next_attempt_at, trace_parent, request_id, created_at";
    private static final String INSERT = "INSERT INTO outbox_item (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

    /** An item as written: its columns at enqueue. */
    record NewItem(UUID id, String topic, String orderingKey, String reference, String payload, Instant due, String traceParent,
                   String requestId, Instant now) {

        int bind(PreparedStatement s, int index) throws SQLException {
            int i = index;
            s.setObject(i++, id);
            s.setString(i++, topic);
            s.setString(i++, orderingKey);
            s.setString(i++, reference);
            s.setString(i++, payload);
            s.setObject(i++, odt(due));
            s.setString(i++, clip(traceParent, 128));
            s.setString(i++, clip(requestId, 128));
            s.setObject(i++, odt(now));
            return i;
        }
    }

    private static final String CLAIM = """
            WITH due AS (
                SELECT id, lease_owner AS previous_owner, attempt_started_at AS previous_start FROM outbox_item o
                WHERE status = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
                  AND topic = ANY (?)
                  AND (ordering_key IS NULL OR NOT EXISTS (SELECT 1 FROM outbox_item p
                       WHERE p.ordering_key = o.ordering_key AND p.status = 'PENDING' AND p.seq < o.seq))
                ORDER BY next_attempt_at, seq LIMIT ? FOR UPDATE SKIP LOCKED)
            UPDATE outbox_item i SET lease_owner = ?, lease_until = ?, attempt_started_at = ?, attempts = i.attempts + 1
            FROM due WHERE i.id = due.id
            RETURNING i.id, i.topic, i.ordering_key, i.reference, i.payload, i.attempts, i.created_at, i.trace_parent, i.request_id,
                      due.previous_owner, due.previous_start""";

    private static final String ABANDONED = """
            INSERT INTO outbox_attempt (item_id, number, worker, started_at, finished_at, outcome, detail)
            VALUES (?, ?, ?, ?, ?, 'ABANDONED', 'the lease ran out before the worker recorded an answer; taken over')
            ON CONFLICT DO NOTHING""";

    private static final String FINISH = """
            UPDATE outbox_item SET status = ?, next_attempt_at = COALESCE(?, next_attempt_at), lease_owner = NULL, lease_until = NULL,
                   attempt_started_at = NULL, last_error = ?, finished_at = ?
            WHERE id = ? AND lease_owner = ? AND attempts = ?""";

    private static final String ATTEMPT = """
            INSERT INTO outbox_attempt (item_id, number, worker, started_at, finished_at, outcome, code, detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final AgroalDataSource db;

    OutboxStore(AgroalDataSource db) {
        this.db = db;
    }

    /** False when an item with this id exists already (the enqueue is idempotent on the id). */
    boolean insert(NewItem item) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            item.bind(s, 1);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write to the outbox", e);
        }
    }

    /**
     * The insert as the member {@code outbox_written} of a caller's WITH clause, writing the item only when the member
     * {@code guard} of the same statement returns a row (and no item with its id exists); bound by {@link NewItem#bind}.
     */
    static String insertMember(String guard) {
        return "outbox_written AS (INSERT INTO outbox_item (" + COLUMNS + ")\n    SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? FROM " + guard
                + "\n    ON CONFLICT (id) DO NOTHING RETURNING id)";
    }

    List<Claimed> claim(String owner, Collection<String> topics, int limit, Instant now, Instant leaseUntil) {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setObject(1, odt(now));
                s.setObject(2, odt(now));
                s.setArray(3, c.createArrayOf("varchar", topics.toArray()));
                s.setInt(4, limit);
                s.setString(5, owner);
                s.setObject(6, odt(leaseUntil));
                s.setObject(7, odt(now));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        OutboxItem item = new OutboxItem((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), instant(rs, 7), rs.getString(8), rs.getString(9));
                        claimed.add(new Claimed(item, now, rs.getString(10), instant(rs, 11)));
                    }
                }
            }
            recordAbandoned(c, claimed, now);
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim from the outbox", e);
        }
    }

    private static void recordAbandoned(Connection c, List<Claimed> claimed, Instant now) throws SQLException {
        List<Claimed> taken = claimed.stream().filter(x -> x.previousOwner() != null).toList();
        if (taken.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(ABANDONED)) {
            for (Claimed x : taken) {
                s.setObject(1, x.item().id());
                s.setInt(2, x.item().attempt() - 1);
                s.setString(3, x.previousOwner());
                s.setObject(4, odt(x.previousStart() != null ? x.previousStart() : now));
                s.setObject(5, odt(now));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Extends the leases this owner holds on these items. */
    int renew(String owner, Collection<UUID> ids, Instant leaseUntil) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE outbox_item SET lease_until = ? WHERE lease_owner = ? AND id = ANY (?) AND status = 'PENDING'")) {
            s.setObject(1, odt(leaseUntil));
            s.setString(2, owner);
            s.setArray(3, uuids(c, ids));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot renew outbox leases", e);
        }
    }

    /**
     * Records how an attempt ended; false (and nothing written) when this owner no longer holds that attempt's
     * lease: another worker took the item over, and its answer is the one that counts.
     */
    boolean finish(String owner, Claimed claimed, String status, Instant nextAttempt, Outcome outcome, String attemptOutcome,
                   Instant now) {
        OutboxItem item = claimed.item();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(FINISH)) {
                s.setString(1, status);
                s.setObject(2, odt(nextAttempt));
                s.setString(3, "DONE".equals(status) ? null : clip(describe(outcome), 1000));
                s.setObject(4, "PENDING".equals(status) ? null : odt(now));
                s.setObject(5, item.id());
                s.setString(6, owner);
                s.setInt(7, item.attempt());
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement(ATTEMPT)) {
                s.setObject(1, item.id());
                s.setInt(2, item.attempt());
                s.setString(3, owner);
                s.setObject(4, odt(claimed.startedAt()));
                s.setObject(5, odt(now));
                s.setString(6, attemptOutcome);
                s.setString(7, clip(outcome.code(), 32));
                s.setString(8, clip(outcome.detail(), 1000));
                s.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the attempt of outbox item " + item.id(), e);
        }
    }

    /** Hands claims back unworked (shutdown): the attempt is not counted, the items are due again at once. */
    int release(String owner, Collection<UUID> ids) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE outbox_item SET lease_owner = NULL, lease_until = NULL, attempt_started_at = NULL, attempts = attempts - 1
                WHERE lease_owner = ? AND id = ANY (?) AND status = 'PENDING'""")) {
            s.setString(1, owner);
            s.setArray(2, uuids(c, ids));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot release outbox leases", e);
        }
    }

    /** Makes the PENDING or DEAD items of a reference due now; the number of items affected. */
    int retryNow(String reference, Collection<String> topics, Instant now) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE outbox_item SET status = 'PENDING', next_attempt_at = ?, finished_at = NULL
                WHERE reference = ? AND topic = ANY (?) AND status IN ('PENDING', 'DEAD')""")) {
            s.setObject(1, odt(now));
            s.setString(2, reference);
            s.setArray(3, c.createArrayOf("varchar", topics.toArray()));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot retry outbox items", e);
        }
    }

    List<Outbox.ItemView> items(String reference) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT i.id, i.topic, i.status, i.attempts, i.last_error,
                       (SELECT max(a.finished_at) FROM outbox_attempt a WHERE a.item_id = i.id), i.next_attempt_at, i.created_at, i.finished_at
                FROM outbox_item i WHERE i.reference = ? ORDER BY i.seq""")) {
            s.setString(1, reference);
            List<Outbox.ItemView> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Outbox.ItemView((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                            instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read outbox items", e);
        }
    }

    Map<UUID, List<Outbox.Attempt>> attempts(Collection<UUID> ids) {
        Map<UUID, List<Outbox.Attempt>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT item_id, number, worker, started_at, finished_at, outcome, code, detail FROM outbox_attempt
                WHERE item_id = ANY (?) ORDER BY item_id, number""")) {
            s.setArray(1, uuids(c, ids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent((UUID) rs.getObject(1), k -> new ArrayList<>()).add(new Outbox.Attempt(rs.getInt(2),
                            rs.getString(3), instant(rs, 4), instant(rs, 5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read outbox attempts", e);
        }
    }

    List<TopicStats> stats() {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT topic, count(*) FILTER (WHERE status = 'PENDING'), min(created_at) FILTER (WHERE status = 'PENDING'),
                       count(*) FILTER (WHERE status = 'DEAD')
                FROM outbox_item WHERE status IN ('PENDING', 'DEAD') GROUP BY topic""");
             ResultSet rs = s.executeQuery()) {
            List<TopicStats> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new TopicStats(rs.getString(1), rs.getLong(2), instant(rs, 3), rs.getLong(4)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read outbox statistics", e);
        }
    }

    /** Deletes DONE items (and, by cascade, their attempts) finished before {@code before}. */
    int purge(Instant before, int limit) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                DELETE FROM outbox_item WHERE id IN (SELECT id FROM outbox_item WHERE status = 'DONE' AND finished_at < ? LIMIT ?)""")) {
            s.setObject(1, odt(before));
            s.setInt(2, limit);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot purge the outbox", e);
        }
    }

    private static String describe(Outcome outcome) {
        if (outcome.code() == null) {
            return outcome.detail();
        }
        return outcome.detail() == null ? outcome.code() : outcome.code() + " " + outcome.detail();
    }

    private static Array uuids(Connection c, Collection<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
