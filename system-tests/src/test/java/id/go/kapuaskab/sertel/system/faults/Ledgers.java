package id.go.kapuaskab.sertel.system.faults;

import id.go.kapuaskab.sertel.localstack.LocalDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the services' own databases say, read as an operator would with {@code psql}: certificates of an institution in
 * the CA's inventory, the requests' states and completion times, the delivery log, and every outbox (work left over,
 * attempts abandoned by a worker that died).
 */
public final class Ledgers {

    /** The databases that have an outbox. */
    public static final List<String> OUTBOXES = List.of("sertel_applicant", "sertel_renewal", "sertel_certificate", "sertel_notification");

    /** A message of the delivery log. */
    public record Message(UUID id, String kind, String recipient, String status) {
    }

    private final LocalDatabase db;

    public Ledgers(LocalDatabase db) {
        this.db = db;
    }

    /** Certificates the CA holds for an institution, by request id (a request that got two would show a count of 2). */
    public Map<UUID, Integer> certificatesPerRequest(UUID institution) {
        Map<UUID, Integer> out = new LinkedHashMap<>();
        query("sertel_certificate", "SELECT request_id, count(*) FROM certificate WHERE institution_id = ? GROUP BY request_id",
                rs -> out.put((UUID) rs.getObject(1), rs.getInt(2)), institution);
        return out;
    }

    /** When each request of the list was completed (null: not yet), from renewal-service's table. */
    public Map<UUID, Instant> completedAt(List<UUID> requests) {
        Map<UUID, Instant> out = new LinkedHashMap<>();
        for (UUID id : requests) {
            out.put(id, null);
        }
        query("sertel_renewal", "SELECT id, completed_at FROM request WHERE id = ANY (?)", rs -> {
            Timestamp t = rs.getTimestamp(2);
            out.put((UUID) rs.getObject(1), t == null ? null : t.toInstant());
        }, (Object) requests.toArray(new UUID[0]));
        return out;
    }

    /** The delivery log's messages to addresses of this domain. */
    public List<Message> messagesTo(String domain) {
        List<Message> out = new ArrayList<>();
        query("sertel_notification", "SELECT id, kind, recipient_email, status FROM delivery WHERE recipient_email LIKE ? ORDER BY created_at",
                rs -> out.add(new Message((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4))), "%@" + domain);
        return out;
    }

    /** Outbox items of one database not DONE (waiting, retrying, claimed or DEAD), by topic and status. */
    public Map<String, Integer> unfinished(String database) {
        Map<String, Integer> out = new LinkedHashMap<>();
        query(database, "SELECT topic || ' ' || status, count(*) FROM outbox_item WHERE status <> 'DONE' GROUP BY 1 ORDER BY 1",
                rs -> out.put(rs.getString(1), rs.getInt(2)));
        return out;
    }

    /** Like {@link #unfinished} for the items written since {@code since} only (other tests' leftovers aside). */
    public Map<String, Integer> unfinishedSince(String database, Instant since) {
        Map<String, Integer> out = new LinkedHashMap<>();
        query(database, "SELECT topic || ' ' || status, count(*) FROM outbox_item WHERE status <> 'DONE' AND created_at >= ? GROUP BY 1",
                rs -> out.put(rs.getString(1), rs.getInt(2)), Timestamp.from(since));
        return out;
    }

    /**
     * Outbox items (ids) of one database with an attempt whose worker died before it recorded an answer, taken over
     * since {@code since} (the takeover is the attempt's end; it started before the worker died).
     */
    public List<UUID> abandoned(String database, Instant since) {
        List<UUID> out = new ArrayList<>();
        query(database, "SELECT DISTINCT item_id FROM outbox_attempt WHERE outcome = 'ABANDONED' AND finished_at >= ?",
                rs -> out.add((UUID) rs.getObject(1)), Timestamp.from(since));
        return out;
    }

    /** Items of one topic held by a worker now (claimed, lease running), with the owner that holds them. */
    public Map<UUID, String> claimed(String database, String topic) {
        Map<UUID, String> out = new LinkedHashMap<>();
        query(database, "SELECT id, lease_owner FROM outbox_item WHERE topic = ? AND status = 'PENDING' AND lease_until > now()",
                rs -> out.put((UUID) rs.getObject(1), rs.getString(2)), topic);
        return out;
    }

    /** The attempts of one item, oldest first: worker, outcome, start. */
    public List<String[]> attempts(String database, UUID item) {
        List<String[]> out = new ArrayList<>();
        query(database, "SELECT worker, outcome, started_at, finished_at FROM outbox_attempt WHERE item_id = ? ORDER BY number",
                rs -> out.add(new String[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant().toString(),
                        rs.getTimestamp(4).toInstant().toString()}), item);
        return out;
    }

    /** Runs a query with parameters (UUID arrays as uuid[]), handing each row to {@code row}. */
    public void query(String database, String sql, Row row, Object... params) {
        try (Connection c = db.connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof UUID[] ids) {
                    s.setArray(i + 1, c.createArrayOf("uuid", ids));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql, e);
        }
    }

    /** One row of a result. */
    @FunctionalInterface
    public interface Row {
        void accept(ResultSet rs) throws SQLException;
    }
}
