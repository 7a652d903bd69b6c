package id.go.kapuaskab.sertel.bench.certificate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL for benchmarks, with durability on ({@code fsync} and {@code synchronous_commit}), unlike the
 * test resource: a benchmark that does not flush its commits measures the wrong thing.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres server;

    BenchDatabase() {
        try {
            server = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    /** Creates an empty database; with {@code migrate} also the service's schema from its own Flyway script. */
    String create(String name, boolean migrate) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String url = server.getJdbcUrl("postgres", name);
        if (migrate) {
            try (InputStream in = BenchDatabase.class.getResourceAsStream("/db/migration/V1__certificates.sql");
                 Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
                s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return url;
    }

    /** CPU time used so far by the PostgreSQL server and all its backends. */
    java.time.Duration cpu() {
        String port = "-p " + server.getPort();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(port)).orElse(false))
                .findFirst()
                .map(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster), postmaster.descendants())
                        .map(p -> p.info().totalCpuDuration().orElse(java.time.Duration.ZERO))
                        .reduce(java.time.Duration.ZERO, java.time.Duration::plus))
                .orElse(java.time.Duration.ZERO);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
