package db.migration;

import id.go.kapuaskab.sertel.audit.AuditEntry;
import id.go.kapuaskab.sertel.audit.AuditStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the CA's audit trail of before the hash chain (table {@code audit_event}) into the chain, oldest first, on
 * lane 0, each record naming the row it came from; then freezes {@code audit_event} (append-only, like the chain).
 * The old rows are kept as they were: nothing of the CA's history is deleted.
 */
public class V21__audit_event_into_chain extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        AuditStore.ensureLanes(c, 1);
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, occurred_at, actor, action, outcome, request_id, serial, problem_code, detail FROM audit_event ORDER BY id""")) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    AuditStore.appendToLane(c, 0, entry(rs).row(rs.getObject(2, OffsetDateTime.class).toInstant(), null));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
                        FOR EACH ROW EXECUTE FUNCTION sertel_audit_refuse();
                    CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
                        FOR EACH STATEMENT EXECUTE FUNCTION sertel_audit_refuse();
                    COMMENT ON TABLE audit_event IS 'The audit trail before the hash chain; frozen, copied into audit_record by V21'""");
        }
    }

    private static AuditEntry entry(ResultSet rs) throws java.sql.SQLException {
        return AuditEntry.of(rs.getString(4), rs.getString(5)).described(rs.getString(3)).subject(rs.getString(7)).reference(rs.getObject(6)).detail("problem", rs.getString(8)).detail("note", rs.getString(9))
                .detail("importedFrom", "audit_event " + rs.getLong(1));
    }
}
