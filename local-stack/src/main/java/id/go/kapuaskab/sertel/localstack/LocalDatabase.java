package id.go.kapuaskab.sertel.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (zonky's embedded binaries) on loopback, one database and one login role per
 * service. A commit is always written to the log before it is acknowledged ({@code synchronous_commit} on), so a
 * crash of the server process ({@link #crashAndRestart()}) loses no committed transaction, as in production. With
 * {@code durable} it also survives a crash of the machine ({@code fsync} and {@code full_page_writes} on); tests may
 * run without that.
 */
public final class LocalDatabase implements AutoCloseable {

    private final Path dataDir;
    private final boolean durable;
    private final Path logFile;
    private volatile EmbeddedPostgres server;
    private final int port;

    private LocalDatabase(Path dataDir, boolean durable, Path logFile, EmbeddedPostgres server) {
        this.dataDir = dataDir;
        this.durable = durable;
        this.logFile = logFile;
        this.server = server;
        this.port = server.getPort();
    }

    /**
     * Starts a server on {@code dataDir} (created on first use, reused afterwards) and {@code port}
     * (0 for any free one), its log in {@code logFile}.
     */
    public static LocalDatabase start(Path dataDir, int port, boolean durable, Path logFile) {
        return new LocalDatabase(dataDir, durable, logFile, launch(dataDir, port, durable, logFile));
    }

    private static EmbeddedPostgres launch(Path dataDir, int port, boolean durable, Path logFile) {
        try {
            Files.createDirectories(dataDir.getParent());
            var log = java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("synchronous_commit", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            if (durable) {
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL in " + dataDir + " (see " + logFile + ")", e);
        }
    }

    /**
     * Crashes the server and starts it again on the same data and port, as after a failover or a node restart:
     * an immediate shutdown (SIGQUIT to the postmaster: every backend exits at once, no checkpoint, open transactions
     * are lost), then a start that runs crash recovery from the write-ahead log. Every client connection breaks.
     */
    public synchronized void crashAndRestart() {
        long pid = postmasterPid();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        signal(pid);
        try {
            postmaster.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            server.close();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | IOException e) {
            throw new IllegalStateException("PostgreSQL (pid " + pid + ") did not stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        server = launch(dataDir, port, durable, logFile);
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("No postmaster.pid in " + dataDir, e);
        }
    }

    private static void signal(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -QUIT " + pid + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the login role and its own database when missing; sets the role's password either way. */
    public void ensureDatabase(String database, String role, String password) {
        requireIdentifier(database);
        requireIdentifier(role);
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                s.execute("CREATE ROLE " + role + " LOGIN");
            }
            s.execute("ALTER ROLE " + role + " PASSWORD '" + password.replace("'", "''") + "'");
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                s.execute("CREATE DATABASE " + database + " OWNER " + role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare database " + database, e);
        }
    }

    /** A connection to one database as the superuser, for tests that look at a service's tables. */
    public Connection connect(String database) throws SQLException {
        requireIdentifier(database);
        return server.getDatabase("postgres", database).getConnection();
    }

    /** A server setting as the running server reports it, e.g. {@code fsync}. */
    public String setting(String name) {
        try (Connection c = server.getPostgresDatabase().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT current_setting(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a safe identifier: " + name);
        }
    }

    @Override
    public synchronized void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
