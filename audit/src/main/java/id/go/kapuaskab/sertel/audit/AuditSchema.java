package id.go.kapuaskab.sertel.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The trail's tables, created in each service's own Flyway history: a service adds a Java migration in its
 * {@code db.migration} package that extends this class (e.g. {@code V20__audit_chain}), so the one schema file of
 * this module is applied in order with the service's own migrations.
 */
public abstract class AuditSchema extends BaseJavaMigration {

    private static final String SCHEMA = "/sertel/audit/schema-1.sql";

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            s.execute(read());
        }
    }

    @Override
    public Integer getChecksum() {
        return read().hashCode();
    }

    private static String read() {
        try (InputStream in = AuditSchema.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + SCHEMA, e);
        }
    }
}
