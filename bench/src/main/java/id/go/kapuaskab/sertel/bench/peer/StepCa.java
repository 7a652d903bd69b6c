package id.go.kapuaskab.sertel.bench.peer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * smallstep step-ca 0.19 as the stored-issuance peer: {@code POST /1.0/sign} (one-time token + P-256 CSR), every
 * certificate and every accepted token stored before it answers. Built and driven by the shared peer's own scripts
 * ({@code ../shared/peers/step-ca/setup.sh} and {@code run.sh}): each run starts step-ca (and, for PostgreSQL, its
 * private cluster with fsync and synchronous_commit on) on an emptied database, loads it with its own Go load
 * generator, stops it, counts the stored certificates against the 201s received and verifies one of them. A run
 * whose checks fail is an error here, not a figure.
 */
public final class StepCa {

    /** The two stores compared: step-ca's default (badger, synchronous group commit) and PostgreSQL, pooled. */
    public enum Store {
        BADGER("badgerv2", "step-ca 0.19, badger (its default; synchronous writes, group commit)"),
        POSTGRESQL("postgresql", "step-ca 0.19, PostgreSQL (fsync on, pool 16)");

        final String db;
        public final String label;

        Store(String db, String label) {
            this.db = db;
            this.label = label;
        }
    }

    /** One run of {@code run.sh}: the RESULT line's figures and the CPU line. */
    public record Run(double certsPerSecond, double p50Millis, double p99Millis, long errors, double serverCpuMsPerCert,
                      double dbCpuMsPerCert, String cpuLine, String loadBefore) {
    }

    private static final Pattern RESULT = Pattern.compile("^RESULT .*certs_per_s=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) errors=([0-9]+).*$",
            Pattern.MULTILINE);
    private static final Pattern SERVER_CPU = Pattern.compile("step-ca [0-9.]+ cores \\(([0-9.]+) ms CPU per cert\\)");
    private static final Pattern DB_CPU = Pattern.compile("PostgreSQL [0-9.]+ cores \\(([0-9.]+) ms CPU per cert\\)");
    private static final Pattern CPU_LINE = Pattern.compile("^CPU in window.*$", Pattern.MULTILINE);
    private static final Pattern BEFORE = Pattern.compile("^before: .*load average: (.*)$", Pattern.MULTILINE);

    private final Path peerDir;
    private final Path outDir;
    private final Store store;

    private StepCa(Path peerDir, Path outDir, Store store) {
        this.peerDir = peerDir;
        this.outDir = outDir;
        this.store = store;
    }

    /** The shared peer's scripts, beside the project: {@code <project>/../shared/peers/step-ca}. */
    public static Path peerDir(Path project) {
        String override = System.getenv("SERTEL_STEPCA_PEER");
        return override != null ? Path.of(override) : project.resolveSibling("shared").resolve("peers/step-ca");
    }

    public static boolean available(Path project) {
        return Files.isExecutable(peerDir(project).resolve("run.sh"));
    }

    /** Builds the peer into {@code outDir} when it is not built yet (setup.sh installs Debian packages as needed). */
    public static StepCa prepare(Path project, Path outDir, Store store) throws Exception {
        Path peer = peerDir(project);
        if (!Files.exists(outDir.resolve(".setup-ok"))) {
            Files.createDirectories(outDir);
            int pgPort = freePort();
            run(List.of(peer.resolve("setup.sh").toString(), outDir.toString()),
                    Map.of("STEPCA_DB", store.db, "STEPCA_PG_PORT", Integer.toString(pgPort), "STEPCA_PORT", Integer.toString(freePort())),
                    outDir.resolve("setup.log"), 1200);
        }
        return new StepCa(peer, outDir, store);
    }

    /** One bounded load run: 16 connections by default, {@code warmup} then {@code measure} seconds. */
    public Run load(int connections, long warmupSeconds, long measureSeconds) throws Exception {
        Path log = outDir.resolve("run-" + System.currentTimeMillis() + ".log");
        Map<String, String> env = new java.util.HashMap<>(Map.of("C", Integer.toString(connections),
                "W", Long.toString(warmupSeconds), "T", Long.toString(measureSeconds),
                "STEPCA_PORT", Integer.toString(freePort())));
        if (store == Store.POSTGRESQL) {
            env.put("STEPCA_PG_MAX_IDLE", "16");
        }
        String out = run(List.of(peerDir.resolve("run.sh").toString(), outDir.toString()), env, log, warmupSeconds + measureSeconds + 300);
        Matcher m = RESULT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("step-ca run printed no RESULT line; see " + log);
        }
        String cpu = find(CPU_LINE, out, 0, "CPU: n/a");
        return new Run(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Long.parseLong(m.group(4)), Double.parseDouble(find(SERVER_CPU, cpu, 1, "0")),
                Double.parseDouble(find(DB_CPU, cpu, 1, "0")), cpu, find(BEFORE, out, 1, "?"));
    }

    private static String find(Pattern p, String text, int group, String otherwise) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(group) : otherwise;
    }

    private static String run(List<String> command, Map<String, String> env, Path log, long timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s; see " + log);
        }
        String out = Files.readString(log);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "); see " + log);
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
