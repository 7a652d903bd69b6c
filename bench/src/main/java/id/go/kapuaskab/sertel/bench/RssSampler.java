package id.go.kapuaskab.sertel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Samples the resident memory of the service processes once a second and keeps each one's peak. */
public final class RssSampler implements AutoCloseable {

    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, Long> peakKib = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    public void watch(String name, long pid) {
        pids.put(name, pid);
    }

    public void start() {
        running = true;
        thread = new Thread(() -> {
            while (running) {
                pids.forEach((name, pid) -> rssKib(pid).ifPresent(kib -> peakKib.merge(name, kib, Math::max)));
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public long peakMib(String name) {
        return peakKib.getOrDefault(name, 0L) / 1024;
    }

    /** The current resident set of a process in KiB, from /proc. */
    public static java.util.OptionalLong rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return java.util.OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // process gone
        }
        return java.util.OptionalLong.empty();
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
