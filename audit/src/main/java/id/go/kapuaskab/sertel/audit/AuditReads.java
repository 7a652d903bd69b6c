package id.go.kapuaskab.sertel.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The auditors' queries, on the caller's connection; each condition is in the SQL only when asked for. */
final class AuditReads {

    static final String COLUMNS = "SELECT id, lane, seq, occurred_at, actor, actor_role, action, outcome, subject, reference, "
            + "request_id, detail, prev_hash, hash FROM audit_record ";

    private AuditReads() {
    }

    /** Records matching the filter after the id {@code after}, in id order; {@code limit} 0 means all (streamed). */
    static void select(Connection c, AuditFilter f, long after, int limit, RecordSink sink) throws Exception {
        StringBuilder sql = new StringBuilder(COLUMNS).append("WHERE id > ?");
        List<Object> args = new ArrayList<>();
        args.add(after);
        if (f.actor() != null) {
            sql.append(" AND actor = ?");
            args.add(f.actor());
        }
        if (f.subject() != null) {
            sql.append(" AND (subject = ? OR reference = ?)");
            args.add(f.subject());
            args.add(f.subject());
        }
        if (f.action() != null) {
            sql.append(" AND action = ?");
            args.add(f.action());
        }
        if (f.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        }
        sql.append(" ORDER BY id");
        if (limit > 0) {
            sql.append(" LIMIT ").append(limit);
        }
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            s.setFetchSize(500);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(read(rs));
                }
            }
        }
    }

    /** Every record lane by lane, each lane in chain order: what the verification walks. */
    static void walk(Connection c, RecordSink sink) throws Exception {
        try (PreparedStatement s = c.prepareStatement(COLUMNS + "ORDER BY lane, seq")) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(read(rs));
                }
            }
        }
    }

    static AuditRecord read(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getBytes(13), rs.getBytes(14));
    }
}
