package id.go.kapuaskab.sertel.bench.scenario;

import id.go.kapuaskab.sertel.bench.BenchContext;
import id.go.kapuaskab.sertel.bench.Figure;
import id.go.kapuaskab.sertel.bench.Row;
import id.go.kapuaskab.sertel.bench.RssSampler;
import id.go.kapuaskab.sertel.bench.Scenario;
import id.go.kapuaskab.sertel.localstack.ServiceCatalog;
import id.go.kapuaskab.sertel.localstack.ServiceProcess;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory and start-up of each service: resident memory idle (a fresh instance, 5 s after it is ready),
 * the peak seen while the other scenarios loaded the stack, and the time from launching the JVM to the
 * readiness check answering 200. Fresh instances start one at a time beside the running stack, on free
 * ports and the stack's databases, three times each.
 */
public final class Footprint implements Scenario {

    /** Long enough for start-up's garbage to be collected and the scheduled work of the first seconds to pass. */
    private static final Duration IDLE_AFTER_READY = Duration.ofSeconds(5);

    @Override
    public String key() {
        return "footprint";
    }

    @Override
    public List<Row> run(BenchContext ctx) throws Exception {
        ServiceCatalog catalog = ctx.stack().catalog();
        List<Row> rows = new ArrayList<>();
        for (ServiceCatalog.Service service : catalog.services()) {
            List<Double> startSeconds = new ArrayList<>();
            List<Double> idleMib = new ArrayList<>();
            List<String> loads = new ArrayList<>();
            for (int run = 0; run < ctx.runs(); run++) {
                loads.add(id.go.kapuaskab.sertel.bench.Machine.loadAverage());
                int port = freePort();
                int management = service.managementPort() == service.port() ? port : freePort();
                Map<String, String> env = new LinkedHashMap<>(catalog.environment(service, ctx.home(), ctx.secrets(), "local"));
                env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
                env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
                URI readiness = URI.create("http://127.0.0.1:" + management + "/q/health/ready");
                long launched = System.nanoTime();
                try (ServiceProcess p = ServiceProcess.start(new ServiceProcess.Spec(service.name() + "-footprint", service.jar(ctx.project()),
                        readiness, env, ServiceCatalog.jvmArgs(), ctx.work().resolve("footprint-" + service.name() + ".log")))) {
                    if (!p.awaitReady(Duration.ofMinutes(2))) {
                        throw new IllegalStateException(service.name() + " did not start; see " + p.logFile());
                    }
                    startSeconds.add((System.nanoTime() - launched) / 1e9);
                    Thread.sleep(IDLE_AFTER_READY.toMillis());
                    idleMib.add(RssSampler.rssKib(p.pid()).orElse(0) / 1024.0);
                }
            }
            Figure start = Figure.of(startSeconds, "s");
            Figure idle = Figure.of(idleMib, "MiB");
            long peak = ctx.rss().peakMib(service.name());
            BenchContext.log("footprint " + service.name() + ": start " + start.render() + ", idle " + idle.render() + ", peak under load " + peak + " MiB");
            rows.add(new Row("Footprint", service.name() + ": RSS idle", idle, null, null, false, "≤ 200 MiB idle",
                    idle.median() <= 200, "peak under load " + peak + " MiB; load average before the starts " + String.join(" / ", loads)));
            rows.add(new Row("Footprint", service.name() + ": start-up to ready", start, null, null, false, "≤ 3 s to ready",
                    start.median() <= 3.0, "launch of the JVM to readiness 200, machine shared with the running stack"
                    + "; load average before the starts " + String.join(" / ", loads)));
        }
        return rows;
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
