package id.go.kapuaskab.sertel.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rule of a settled warm-up, fed one window at a time: for at least {@code min}, then until two windows in a row
 * are within {@code SETTLED} of the best window before them (one such window was seen mid-way, on a plateau of the
 * compiler's queue; a window well below the best, a pause or a deoptimisation, does not count as settled), or
 * {@code max} has passed. Where the compile time of the JVMs under load is read ({@link JitTime}), two windows in a
 * row in which each of them compiled for less than {@code JIT_QUIET} of the time settle it instead: at steady state
 * this machine's windows still spread by ±10 % (another tenant, PostgreSQL's checkpoints), so the rate rule alone ran
 * to the maximum, while a JVM whose compilers still take a core keeps its rate rising for minutes and that core's CPU
 * lands in the cost per call. A window in which some JVM's figure could not be read falls back to the rate rule.
 * {@link LoadGenerator#settle} drives it with a load of its own; a scenario whose load runs on (the renewal workflow)
 * feeds it the rates of its windows.
 */
public final class Settling {

    private static final double JIT_QUIET = 0.10;
    private static final double SETTLED = 0.05;

    private final Duration window;
    private final Duration min;
    private final Duration max;
    private final Map<String, JitTime> jits;
    private final double[] compiled;
    private final List<Double> rates = new ArrayList<>();
    private final List<String> compiling = new ArrayList<>();
    private long readAt;
    private Duration spent = Duration.ZERO;
    private double best;
    private int flat;

    /** Over the named JVMs' compile time (none: the rate rule alone), read from now on. */
    public Settling(Duration window, Duration min, Duration max, Map<String, JitTime> jits) {
        this.window = window;
        this.min = min;
        this.max = max;
        this.jits = new LinkedHashMap<>(jits);
        this.compiled = new double[jits.size()];
        int i = 0;
        for (JitTime jit : this.jits.values()) {
            compiled[i++] = jit.seconds();
        }
        this.readAt = System.nanoTime();
    }

    public boolean settled() {
        return spent.compareTo(max) >= 0 || flat >= 2 && spent.compareTo(min) >= 0;
    }

    /** Records a window's rate (and reads the JVMs' compile time since the last window). */
    public void window(double rate) {
        rates.add(rate);
        spent = spent.plus(window);
        boolean quiet = true;
        boolean jitKnown = !jits.isEmpty();
        double elapsed = (System.nanoTime() - readAt) / 1e9;
        double most = 0;
        String busiest = "";
        int i = 0;
        for (Map.Entry<String, JitTime> jit : jits.entrySet()) {
            double now = jit.getValue().seconds();
            double share = (now - compiled[i]) / elapsed;
            compiled[i++] = now;
            if (Double.isNaN(share)) {
                jitKnown = false;
            } else if (share >= most) {
                most = share;
                busiest = jit.getKey();
            }
        }
        readAt = System.nanoTime();
        if (!jits.isEmpty()) {
            quiet = !jitKnown || most < JIT_QUIET;
            compiling.add(jitKnown ? String.format(Locale.ROOT, jits.size() == 1 ? "%.2f" : "%.2f %s", most, busiest) : "?");
        }
        boolean steady = jitKnown || rates.size() > 1 && rate <= best * (1 + SETTLED) && rate >= best * (1 - SETTLED);
        flat = quiet && steady ? flat + 1 : 0;
        best = Math.max(best, rate);
    }

    /** The windows' rates so far, for the log and the rows' notes. */
    public List<Double> rates() {
        return List.copyOf(rates);
    }

    /** Logs the share of each window the busiest JVM spent compiling. */
    public void log() {
        if (!jits.isEmpty()) {
            BenchContext.log("warm-up: share of each window " + (jits.size() == 1 ? "the JVM" : "the most compiling of " + jits.keySet())
                    + " spent compiling (its compile-time counter, as jstat reads it; ? = unreadable): " + compiling);
        }
    }

    /** The rule with these bounds, for the rows' notes. */
    public static String rule(Duration min, Duration max) {
        return "for at least " + min.toSeconds() + " s, then until two windows in a row were within 5 % of the best before them"
                + " (where our JVMs' compile time is read: instead until each compiled for less than 10 % of two windows in a row), at most "
                + max.toSeconds() + " s";
    }
}
