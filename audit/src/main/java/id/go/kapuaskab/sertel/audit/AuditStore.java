package id.go.kapuaskab.sertel.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The append path in SQL, on a connection the caller gives (the service's transaction, or a Flyway migration's).
 * One statement per record: it takes a lane head, moves it forward (PostgreSQL computes the new hash from the head's
 * hash and the payload, so the previous hash is never read into Java and back), and inserts the record, all while
 * the head's row lock is held until the transaction ends. A second transaction never waits for a lane another holds
 * as long as one is free ({@code FOR UPDATE SKIP LOCKED}). The same members can also ride in a statement of the
 * caller's ({@link #guardedMembers}), so that a decision and its record take one round trip.
 */
public final class AuditStore {

    /** Where a record landed. */
    public record Appended(long id, int lane, long seq) {
    }

    /** A lane's head: its last record's seq and hash (seq 0 and the genesis hash when empty). */
    public record Head(int lane, long seq, byte[] hash) {
    }

    /**
     * The append as members of a WITH clause: {@code audit_pick} names the lane (its SQL is the caller's), {@code
     * audit_moved} moves that lane's head forward, {@code audit_appended} inserts the record and returns its id, lane
     * and seq. Parameters after the pick's own: the payload, the update time, the record's nine columns.
     */
    private static final String MEMBERS = """
            audit_pick AS (%s),
            audit_moved AS (
                UPDATE audit_head h SET seq = h.seq + 1, prev_hash = h.hash,
                       hash = sha256(h.hash || int4send(h.lane::int) || int8send(h.seq + 1) || ?::bytea), updated_at = ?
                FROM audit_pick WHERE h.lane = audit_pick.lane
                RETURNING h.lane, h.seq, h.prev_hash, h.hash),
            audit_appended AS (
                INSERT INTO audit_record (lane, seq, occurred_at, actor, actor_role, action, outcome, subject, reference, request_id,
                                          detail, prev_hash, hash)
                SELECT audit_moved.lane, audit_moved.seq, ?, ?, ?, ?, ?, ?, ?, ?, ?, audit_moved.prev_hash, audit_moved.hash
                FROM audit_moved
                RETURNING id, lane, seq)""";
    private static final String FREE_LANE = "SELECT lane FROM audit_head WHERE lane < ?%s ORDER BY lane LIMIT 1 FOR UPDATE SKIP LOCKED";
    private static final String GIVEN_LANE = "SELECT CAST(? AS smallint) AS lane%s";
    private static final String ANY_FREE = standalone(FREE_LANE.formatted(""));
    private static final String THIS_LANE = standalone(GIVEN_LANE.formatted(""));
    /** {@link #guardedMembers} by guard and whether a lane is held: a handful of constant member names, formatted once. */
    private static final Map<String, String> GUARDED = new ConcurrentHashMap<>();

    private static String standalone(String pick) {
        return "WITH " + MEMBERS.formatted(pick) + "\nSELECT id, lane, seq FROM audit_appended";
    }

    private AuditStore() {
    }

    /** Creates the heads of lanes 0 to {@code lanes - 1} that do not exist yet. */
    public static void ensureLanes(Connection c, int lanes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO audit_head (lane, seq, prev_hash, hash)
                SELECT g, 0, ?, ? FROM generate_series(0, ? - 1) g ON CONFLICT (lane) DO NOTHING""")) {
            s.setBytes(1, AuditCodec.genesis());
            s.setBytes(2, AuditCodec.genesis());
            s.setInt(3, lanes);
            s.executeUpdate();
        }
    }

    /** Appends to the first lane no other transaction holds; {@code null} when every lane is held. */
    public static Appended appendToFreeLane(Connection c, int lanes, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ANY_FREE)) {
            s.setInt(1, lanes);
            return run(s, row);
        }
    }

    /** Appends to this lane, waiting for it if another transaction holds it; {@code null} when the lane does not exist. */
    public static Appended appendToLane(Connection c, int lane, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(THIS_LANE)) {
            s.setInt(1, lane);
            return run(s, row);
        }
    }

    public static List<Head> heads(Connection c) throws SQLException {
        List<Head> heads = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT lane, seq, hash FROM audit_head ORDER BY lane");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                heads.add(new Head(rs.getInt(1), rs.getLong(2), rs.getBytes(3)));
            }
        }
        return heads;
    }

    /** A record's columns before it has a place; {@code payload} is {@link AuditCodec#payload} of exactly these. */
    public record Row(Instant occurredAt, String actor, String actorRole, String action, String outcome, String subject,
                      String reference, String requestId, String detail) {

        public Row {
            occurredAt = AuditCodec.truncate(occurredAt);
        }

        public byte[] payload() {
            return AuditCodec.payload(occurredAt, actor, actorRole, action, outcome, subject, reference, requestId, detail);
        }
    }

    /**
     * The members of a WITH clause that append {@code row} only when the member {@code guard} of the same statement
     * returns a row: to the lane {@code heldLane} when the transaction holds one, else to the first free lane (none
     * when every lane is held). {@code audit_appended} returns where it landed. Bind with {@link #bindMembers}.
     */
    static String guardedMembers(String guard, Integer heldLane) {
        return GUARDED.computeIfAbsent((heldLane == null ? "free:" : "held:") + guard, key -> {
            String guarded = "EXISTS (SELECT 1 FROM " + guard + ")";
            return MEMBERS.formatted(heldLane == null ? FREE_LANE.formatted(" AND " + guarded) : GIVEN_LANE.formatted(" WHERE " + guarded));
        });
    }

    /** Binds {@link #guardedMembers} from parameter {@code index}; returns the next free index. */
    static int bindMembers(PreparedStatement s, int index, int lanes, Integer heldLane, Row row) throws SQLException {
        s.setInt(index, heldLane == null ? lanes : heldLane);
        return bindRow(s, index + 1, row);
    }

    private static Appended run(PreparedStatement s, Row row) throws SQLException {
        bindRow(s, 2, row);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? new Appended(rs.getLong(1), rs.getInt(2), rs.getLong(3)) : null;
        }
    }

    private static int bindRow(PreparedStatement s, int index, Row row) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC);
        int i = index;
        s.setBytes(i++, row.payload());
        s.setObject(i++, at);
        s.setObject(i++, at);
        s.setString(i++, row.actor());
        s.setString(i++, row.actorRole());
        s.setString(i++, row.action());
        s.setString(i++, row.outcome());
        s.setString(i++, row.subject());
        s.setString(i++, row.reference());
        s.setString(i++, row.requestId());
        s.setString(i++, row.detail());
        return i;
    }
}
