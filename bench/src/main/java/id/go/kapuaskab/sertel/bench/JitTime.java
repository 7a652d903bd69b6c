package id.go.kapuaskab.sertel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The seconds one of our JVMs has spent compiling since it started, as the JDK's {@code jstat -compiler} reads them
 * from its performance counters. {@link LoadGenerator#settle} uses it so that a JVM counts as warm only once its JIT has
 * (nearly) stopped: on 2 cores the issuing CA's compilers still took a whole core 2 minutes into the load, and that CPU
 * was counted in its cost per certificate. NaN when jstat is missing or cannot read the JVM (the rule then rests on
 * the rate alone, and says so in the log).
 */
public final class JitTime {

    private final long pid;

    private JitTime(long pid) {
        this.pid = pid;
    }

    public static JitTime of(long pid) {
        return new JitTime(pid);
    }

    /** Total compile time in seconds, or NaN. */
    public double seconds() {
        try {
            java.nio.file.Path beside = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jstat");
            String jstat = java.nio.file.Files.isExecutable(beside) ? beside.toString() : "jstat";
            java.nio.file.Path out = java.nio.file.Files.createTempFile("jstat", ".txt");
            try {
                Process p = new ProcessBuilder(jstat, "-compiler", Long.toString(pid)).redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return Double.NaN;
                }
                if (p.exitValue() != 0) {
                    return Double.NaN;
                }
                // Compiled Failed Invalid   Time   FailedType FailedMethod
                java.util.List<String> lines = java.nio.file.Files.readAllLines(out, StandardCharsets.UTF_8);
                for (int l = 0; l + 1 < lines.size(); l++) {
                    String[] header = lines.get(l).trim().split("\\s+");
                    if (header.length > 0 && header[0].equals("Compiled")) {
                        String[] values = lines.get(l + 1).trim().split("\\s+");
                        for (int i = 0; i < header.length && i < values.length; i++) {
                            if (header[i].equals("Time")) {
                                return Double.parseDouble(values[i]);
                            }
                        }
                    }
                }
                return Double.NaN;
            } finally {
                java.nio.file.Files.deleteIfExists(out);
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }
}
