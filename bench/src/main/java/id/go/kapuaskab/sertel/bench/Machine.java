package id.go.kapuaskab.sertel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The facts a reader needs to judge the figures: cores, CPU, Java, date. */
public record Machine(int cores, String cpu, String java, String os, String date) {

    public static Machine describe() {
        String cpu = "unknown";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), cpu,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    /**
     * Waits, at most {@code max}, until the 1-minute load average is below {@code below}: a scenario must not start on
     * the tail of the one before (the renewal workflow leaves mail and events draining for minutes). Answers the time
     * waited.
     */
    public static Duration awaitQuiet(double below, Duration max) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        while (oneMinute() >= below && System.nanoTime() < deadline) {
            Thread.sleep(5_000);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The 1-, 5- and 15-minute load averages now ({@code /proc/loadavg}): other work on the shared cores. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
