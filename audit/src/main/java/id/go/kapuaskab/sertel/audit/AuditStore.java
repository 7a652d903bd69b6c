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

/**
 * The append path in SQL, on a connection the caller gives (the service's transaction, or a Flyway migration's).
 * One statement per record: it takes a lane head, moves it forward (PostgreSQL computes the new hash from the head's
 * hash and the payload, so the previous hash is never read into Java and back), and inserts the record, all while
 * the head's row lock is held until the transaction ends. A second transaction never waits for a lane another holds
 * as long as one is free ({@code FOR UPDATE SKIP LOCKED}).
 */
public final class AuditStore {

    /** Where a record landed. */
    public record Appended(long id, int lane, long seq) {
    }

    /** A lane's head: its last record's seq and hash (seq 0 and the genesis hash when empty). */
    public record Head(int lane, long seq, byte[] hash) {
    }

    private static final String APPEND = """
            WITH pick AS (%s),
            head AS (
                UPDATE audit_head h SET seq = h.seq + 1, prev_hash = h.hash,
                       hash = sha256(h.hash || int4send(h.lane::int) || int8send(h.seq + 1) || ?::bytea), updated_at = ?
                FROM pick WHERE h.lane = pick.lane
                RETURNING h.lane, h.seq, h.prev_hash, h.hash)
            INSERT INTO audit_record (lane, seq, occurred_at, actor, actor_role, action, outcome, subject, reference, request_id, detail,
                                      prev_hash, hash)
            SELECT head.lane, head.seq, ?, ?, ?, ?, ?, ?, ?, ?, ?, head.prev_hash, head.hash FROM head
            RETURNING id, lane, seq""";
    private static final String ANY_FREE = String.format(APPEND,
            "SELECT lane FROM audit_head WHERE lane < ? ORDER BY lane LIMIT 1 FOR UPDATE SKIP LOCKED");
    private static final String THIS_LANE = String.format(APPEND, "SELECT ?::smallint AS lane");

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

    private static Appended run(PreparedStatement s, Row row) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC);
        int i = 2;
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
        s.setString(i, row.detail());
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? new Appended(rs.getLong(1), rs.getInt(2), rs.getLong(3)) : null;
        }
    }
}
