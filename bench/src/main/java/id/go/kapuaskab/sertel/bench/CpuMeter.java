package id.go.kapuaskab.sertel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time (user + system) the processes of a run have used, from /proc: each service by its pid, PostgreSQL as the
 * sum of all its processes, and this harness (load generator and mail catcher). Two snapshots give where a window's
 * CPU went, which is what limits a closed-loop scenario on 2 cores.
 */
public final class CpuMeter {

    /** Linux reports process times in clock ticks; USER_HZ is 100 on every mainstream kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuMeter() {
    }

    /** CPU seconds used so far by each named process, by PostgreSQL and by this JVM. */
    public static Map<String, Double> snapshot(Map<String, Long> services) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        services.forEach((name, pid) -> seconds.put(name, cpuSeconds(Path.of("/proc", Long.toString(pid), "stat"))));
        double postgres = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))::iterator) {
                if (comm(p.resolve("stat")).equals("postgres")) {
                    postgres += cpuSeconds(p.resolve("stat"));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        seconds.put("postgresql", postgres);
        seconds.put("bench harness", cpuSeconds(Path.of("/proc/self/stat")));
        return seconds;
    }

    /**
     * CPU seconds used so far by the JIT compiler threads of each named JVM ({@code C1/C2 CompilerThread}, from
     * /proc/PID/task): the share of a JVM's CPU that goes to compiling rather than to the calls, while its code warms up.
     */
    public static Map<String, Double> compilers(Map<String, Long> services) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        services.forEach((name, pid) -> {
            double sum = 0;
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    if (comm(t.resolve("stat")).contains("CompilerThre")) {
                        sum += cpuSeconds(t.resolve("stat"));
                    }
                }
            } catch (IOException e) {
                // the process has gone
            }
            seconds.put(name, sum);
        });
        return seconds;
    }

    /** What each process used between two snapshots. */
    public static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, s) -> used.put(name, s - before.getOrDefault(name, 0.0)));
        return used;
    }

    private static String comm(Path stat) {
        try {
            String line = Files.readString(stat);
            return line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static double cpuSeconds(Path stat) {
        try {
            String line = Files.readString(stat);
            // fields after "pid (comm) ": state is the 3rd field; utime and stime are the 14th and 15th
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0; // the process has gone
        }
    }
}
