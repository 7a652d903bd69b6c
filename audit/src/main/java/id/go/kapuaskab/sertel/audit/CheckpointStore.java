package id.go.kapuaskab.sertel.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The checkpoints' SQL, on the caller's connection. */
final class CheckpointStore {

    private static final String COLUMNS = "SELECT id, created_at, statement, algorithm, key_id, signature FROM audit_checkpoint ";

    private CheckpointStore() {
    }

    static long insert(Connection c, CheckpointStatement statement, String text, String algorithm, String keyId, byte[] signature)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO audit_checkpoint (created_at, statement, algorithm, key_id, signature) VALUES (?, ?, ?, ?, ?) RETURNING id""")) {
            s.setObject(1, OffsetDateTime.ofInstant(statement.created(), ZoneOffset.UTC));
            s.setString(2, text);
            s.setString(3, algorithm);
            s.setString(4, keyId);
            s.setBytes(5, signature);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Optional<Checkpoint> latest(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COLUMNS + "ORDER BY id DESC LIMIT 1"); ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    /** Newest first, before the id {@code before} when given. */
    static List<Checkpoint> page(Connection c, Long before, int limit) throws SQLException {
        List<Checkpoint> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(COLUMNS + "WHERE (?::bigint IS NULL OR id < ?) ORDER BY id DESC LIMIT ?")) {
            s.setObject(1, before);
            s.setObject(2, before);
            s.setInt(3, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    /** Every checkpoint, oldest first, streamed. */
    static void each(Connection c, Consumer<Checkpoint> consumer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COLUMNS + "ORDER BY id")) {
            s.setFetchSize(500);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(read(rs));
                }
            }
        }
    }

    private static Checkpoint read(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBytes(6));
    }
}
