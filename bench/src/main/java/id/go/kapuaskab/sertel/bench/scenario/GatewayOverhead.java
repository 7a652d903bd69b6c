package id.go.kapuaskab.sertel.bench.scenario;

import id.go.kapuaskab.sertel.bench.BenchContext;
import id.go.kapuaskab.sertel.bench.Figure;
import id.go.kapuaskab.sertel.bench.LoadGenerator;
import id.go.kapuaskab.sertel.bench.LoadResult;
import id.go.kapuaskab.sertel.bench.Row;
import id.go.kapuaskab.sertel.bench.Scenario;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the gateway adds to a call: the same authenticated call (a page of the request list) made directly
 * to renewal-service and through the gateway, one connection at a time so the figures are latencies, not
 * queueing. The added p50 and p99 are the differences of the medians of three runs each.
 */
public final class GatewayOverhead implements Scenario {

    @Override
    public String key() {
        return "gateway";
    }

    @Override
    public List<Row> run(BenchContext ctx) throws Exception {
        // the admin's access token lasts 5 minutes and the settled warm-up up to 300 s: a fresh one for the warm-up and
        // another for the measured runs (a second-factor login each), or the last windows would be measured on 401s
        java.util.concurrent.atomic.AtomicReference<Map<String, String>> headers = new java.util.concurrent.atomic.AtomicReference<>(
                Map.of("Authorization", "Bearer " + ctx.adminToken()));
        String uri = "/api/v1/requests?limit=1";
        List<Double> directP50 = new ArrayList<>();
        List<Double> directP99 = new ArrayList<>();
        List<Double> viaP50 = new ArrayList<>();
        List<Double> viaP99 = new ArrayList<>();
        LoadGenerator.Calls direct = seq -> new LoadGenerator.Call(HttpMethod.GET, ctx.ports().renewal(), uri, headers.get(), null);
        LoadGenerator.Calls viaGateway = seq -> new LoadGenerator.Call(HttpMethod.GET, ctx.ports().gateway(), uri, headers.get(), null);
        // both JVMs on the path (the gateway and renewal-service) warmed until the rate settles, so neither side of the
        // difference is measured on code the other already had compiled
        List<Double> warmup = ctx.load().settle(1, ctx.settleWindow(), ctx.settleMin(), ctx.settleMax(), viaGateway, s -> s == 200);
        BenchContext.log("gateway overhead warm-up windows via the gateway (calls/s): " + warmup);
        headers.set(Map.of("Authorization", "Bearer " + ctx.adminToken()));
        for (int run = 0; run < ctx.runs(); run++) {
            LoadResult directRun = ctx.load().run(1, ctx.warmup(run), ctx.measure(), direct, s -> s == 200);
            LoadResult via = ctx.load().run(1, ctx.warmup(run), ctx.measure(), viaGateway, s -> s == 200);
            BenchContext.log("gateway overhead run " + (run + 1) + ": direct " + directRun.describe() + " | via gateway " + via.describe());
            directP50.add(directRun.p50Millis());
            directP99.add(directRun.p99Millis());
            viaP50.add(via.p50Millis());
            viaP99.add(via.p99Millis());
        }
        Figure addedP50 = Figure.of(differences(viaP50, directP50), "ms");
        Figure addedP99 = Figure.of(differences(viaP99, directP99), "ms");
        return List.of(
                new Row("Gateway overhead", "p50 latency, 1 connection", Figure.of(viaP50, "ms"), "direct call", Figure.of(directP50, "ms"),
                        false, "p50 ≤ 0.5 ms added", addedP50.median() <= 0.5, "added: " + addedP50.render() + "; both warmed up until settled first ("
                                + warmup.size() + " windows of " + ctx.settleWindow().toSeconds() + " s via the gateway)"),
                new Row("Gateway overhead", "p99 latency, 1 connection", Figure.of(viaP99, "ms"), "direct call", Figure.of(directP99, "ms"),
                        false, "p99 ≤ 2 ms added", addedP99.median() <= 2.0, "added: " + addedP99.render()));
    }

    private static List<Double> differences(List<Double> a, List<Double> b) {
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            d.add(a.get(i) - b.get(i));
        }
        return d;
    }
}
