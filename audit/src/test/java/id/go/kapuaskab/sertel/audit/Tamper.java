package id.go.kapuaskab.sertel.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an attacker with the database's superuser does: switches the triggers off for the session
 * ({@code session_replication_role = replica}) and edits the trail with plain SQL. Also how tests start from an empty
 * trail.
 */
final class Tamper {

    private final String url;

    Tamper(String url) {
        this.url = url;
    }

    void sql(String... statements) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the table owner with the triggers on: what the database itself allows. */
    void plain(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    void empty() {
        sql("TRUNCATE audit_record, audit_checkpoint",
                "UPDATE audit_head SET seq = 0, prev_hash = '\\x" + "00".repeat(32) + "', hash = '\\x" + "00".repeat(32) + "'");
    }
}
