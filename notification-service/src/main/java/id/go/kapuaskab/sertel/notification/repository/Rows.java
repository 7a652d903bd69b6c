package id.go.kapuaskab.sertel.notification.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** JDBC helpers of the webhook tables: instants as timestamptz in UTC, and a statement as a lambda. */
final class Rows {

    private Rows() {
    }

    @FunctionalInterface
    interface Statement<T> {
        T run(Connection c, PreparedStatement st) throws SQLException;
    }

    static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
