package id.go.kapuaskab.sertel.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL for a service's tests: one embedded server per test JVM, one database per service
 * (init arg {@code database}, default {@code sertel}), migrated by the service's own Flyway scripts at start.
 * Tests may leave {@code fsync} off; the local stack turns it on.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres server;
    private String database = "sertel";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        EmbeddedPostgres pg = server();
        createDatabase(pg, database);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // the server lives as long as the JVM: later test classes with the same resources reuse it
    }

    /** The JDBC URL of a database on the shared server, for tests that open a second connection pool. */
    public static String jdbcUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    /**
     * Creates a database on the shared server (if missing) and returns its plain JDBC URL (user
     * {@code postgres}, no password), e.g. for a peer service a test runs as a process.
     */
    public static String ensureDatabase(String database) {
        createDatabase(server(), database);
        return "jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + database;
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
        }
        return server;
    }

    private static void createDatabase(EmbeddedPostgres pg, String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsafe database name " + name);
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
    }
}
