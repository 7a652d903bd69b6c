package id.go.kapuaskab.sertel.bench;

import id.go.kapuaskab.sertel.bench.scenario.ExpiryView;
import id.go.kapuaskab.sertel.bench.scenario.Footprint;
import id.go.kapuaskab.sertel.bench.scenario.GatewayOverhead;
import id.go.kapuaskab.sertel.bench.scenario.Issuance;
import id.go.kapuaskab.sertel.bench.scenario.Ocsp;
import id.go.kapuaskab.sertel.bench.scenario.Pades;
import id.go.kapuaskab.sertel.bench.scenario.ReminderDrain;
import id.go.kapuaskab.sertel.bench.scenario.RenewalWorkflow;
import id.go.kapuaskab.sertel.bench.scenario.WebhookDeliveries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the scenarios and writes RESULTS.md. Usage: {@code BenchMain <project-dir> [--quick] [--only a,b]}.
 * Footprint runs last, so its "peak under load" covers the load of every other scenario.
 */
public final class BenchMain {

    /**
     * Each scenario starts once the 1-minute load average is below twice the cores, or after {@link #QUIET_AT_MOST}: the
     * idle stack itself keeps it near the number of cores, the renewal workflow's draining tail at 17–21.
     */
    private static final double QUIET_BELOW = 2.0 * Runtime.getRuntime().availableProcessors();
    private static final Duration QUIET_AT_MOST = Duration.ofMinutes(3);

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<String> options = Arrays.asList(args);
        boolean quick = options.contains("--quick");
        Set<String> only = options.indexOf("--only") >= 0 && options.size() > options.indexOf("--only") + 1
                ? Set.of(options.get(options.indexOf("--only") + 1).split(",")) : Set.of();
        // The gateway's overhead first: it measures a difference of tenths of a millisecond, which the tail of any
        // scenario before it drowned (its direct call took 8.1 ms at p50 after the webhooks, 0.40 ms alone). PAdES
        // before the reminders and the workflow, which fill the mail catcher with tens of thousands of mails (the
        // signer's setup reads only its own mailbox now, ?to=, but the order costs nothing).
        List<Scenario> scenarios = List.of(new GatewayOverhead(), new Issuance(), new Ocsp(), new ExpiryView(), new Pades(),
                new ReminderDrain(), new RenewalWorkflow(), new WebhookDeliveries(), new Footprint());
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Path work = project.resolve("bench/work");
        try (BenchContext context = new BenchContext(project, work, quick)) {
            for (Scenario s : scenarios) {
                if (!only.isEmpty() && !only.contains(s.key())) {
                    continue;
                }
                Duration waited = Machine.awaitQuiet(QUIET_BELOW, QUIET_AT_MOST);
                BenchContext.log("=== scenario " + s.key() + " (load average " + Machine.loadAverage() + " after waiting "
                        + waited.toSeconds() + " s for it to fall below " + QUIET_BELOW
                        + (waited.compareTo(QUIET_AT_MOST) >= 0 ? "; it did not, started anyway" : "") + ")");
                try {
                    rows.addAll(s.run(context));
                } catch (Exception e) {
                    BenchContext.log("scenario " + s.key() + " failed: " + e);
                    notes.add("Scenario `" + s.key() + "` failed in this run: " + e.getMessage());
                }
            }
        }
        String command = "bench/run" + (quick ? " --quick" : "") + (only.isEmpty() ? "" : " --only " + String.join(",", only));
        if (quick) {
            notes.add("Quick mode: short warm-up and windows, for a smoke test only.");
        }
        Path out = quick || !only.isEmpty() ? work.resolve("RESULTS.partial.md") : project.resolve("bench/RESULTS.md");
        ResultsFile.write(out, Machine.describe(), rows, notes, command, project.resolve("bench/PROFILING.md"));
        BenchContext.log("wrote " + out + " (" + rows.stream().map(Row::scenario).distinct().collect(Collectors.joining(", ")) + ")");
        // the stack is stopped; whatever a library left running (an executor, a client's selector) must not keep the JVM up
        System.exit(0);
    }
}
