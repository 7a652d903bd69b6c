package id.go.kapuaskab.sertel.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.sertel.audit.AuditCodec;
import id.go.kapuaskab.sertel.testsupport.PostgresTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import db.migration.V20__audit_chain;
import db.migration.V21__audit_event_into_chain;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** V21 moves (run here as Flyway runs it, after V1 to V3 and V20) the audit trail of before the chain into it, in order, and freezes the old table. */
class AuditMigrationTest {

    @Test
    void theOldTrailBecomesTheFirstRecordsOfTheChainAndStaysFrozen() throws Exception {
        String url = PostgresTestResource.ensureDatabase("sertel_certificate_v21");
        try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement()) {
            for (String script : List.of("V1__certificates.sql", "V2__status_changed_at.sql", "V3__timestamps.sql")) {
                s.execute(new String(getClass().getResourceAsStream("/db/migration/" + script).readAllBytes(), StandardCharsets.UTF_8));
            }
            s.execute("""
                    INSERT INTO audit_event (occurred_at, actor, action, outcome, request_id, serial, problem_code, detail) VALUES
                    ('2026-11-01T01:00:00.123456Z', 'renewal-service (RENEWAL_SERVICE)', 'ISSUE', 'INTENT', 'a3c1e7a0-4a6d-4b8e-9d3e-0a1b2c3d4e5f', 'ab12', NULL, 'holder x'),
                    ('2026-11-01T01:00:01Z', 'renewal-service (RENEWAL_SERVICE)', 'ISSUE', 'ISSUED', 'a3c1e7a0-4a6d-4b8e-9d3e-0a1b2c3d4e5f', 'ab12', NULL, NULL),
                    ('2026-11-02T01:00:00Z', 'public', 'TIMESTAMP', 'REFUSED', NULL, NULL, 'tsa.rejected', 'bad policy')""");
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", null)) {
            c.setAutoCommit(false);
            Context context = new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return c;
                }
            };
            new V20__audit_chain().migrate(context);
            new V21__audit_event_into_chain().migrate(context);
            c.commit();
        }

        try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement()) {
            List<String> rows = new ArrayList<>();
            byte[] previous = AuditCodec.genesis();
            try (ResultSet rs = s.executeQuery("SELECT lane, seq, actor, actor_role, action, outcome, subject, reference, detail, prev_hash, hash, "
                    + "occurred_at FROM audit_record ORDER BY seq")) {
                while (rs.next()) {
                    rows.add(rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5) + " " + rs.getString(6)
                            + " " + rs.getString(7) + " " + rs.getString(8) + " " + rs.getString(9));
                    assertThat(rs.getInt(1)).isZero();
                    assertThat(rs.getBytes(10)).isEqualTo(previous);
                    previous = rs.getBytes(11);
                }
            }
            assertThat(rows).containsExactly(
                    "1 renewal-service RENEWAL_SERVICE ISSUE INTENT ab12 a3c1e7a0-4a6d-4b8e-9d3e-0a1b2c3d4e5f {\"note\":\"holder x\",\"importedFrom\":\"audit_event 1\"}",
                    "2 renewal-service RENEWAL_SERVICE ISSUE ISSUED ab12 a3c1e7a0-4a6d-4b8e-9d3e-0a1b2c3d4e5f {\"importedFrom\":\"audit_event 2\"}",
                    "3 public null TIMESTAMP REFUSED null null {\"problem\":\"tsa.rejected\",\"note\":\"bad policy\",\"importedFrom\":\"audit_event 3\"}");
            try (ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_head WHERE lane = 0")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3);
                assertThat(rs.getBytes(2)).isEqualTo(previous);
            }
            assertThatThrownBy(() -> s.execute("DELETE FROM audit_event")).hasMessageContaining("append-only");
        }
    }
}
