package id.go.kapuaskab.sertel.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop HTTP load generator: {@code connections} clients each send the next request as soon as the
 * previous answer is complete, for a warm-up and then a measured window. The same generator drives our
 * services and the peers, so ratios compare like with like. Loopback only.
 */
public final class LoadGenerator implements AutoCloseable {

    /** One request to send; {@code body} may be null. */
    public record Call(HttpMethod method, int port, String uri, Map<String, String> headers, Buffer body) {
    }

    /** Produces the calls; {@code sequence} counts calls across all connections. */
    @FunctionalInterface
    public interface Calls {
        Call next(long sequence);
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));

    public LoadResult run(int connections, Duration warmup, Duration measure, Calls calls, IntPredicate success) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(connections).setKeepAlive(true)
                .setPipelining(false).setTcpNoDelay(true));
        Recorder latencies = new Recorder(3);
        LongAdder measured = new LongAdder();
        LongAdder errors = new LongAdder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicLong sequence = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        CountDownLatch done = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            vertx.runOnContext(v -> loop(client, calls, success, sequence, latencies, measured, errors, statuses, measureFrom, end, done));
        }
        try {
            if (!done.await(warmup.plus(measure).toSeconds() + 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("load run did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
        var histogram = latencies.getIntervalHistogram();
        double seconds = measure.toNanos() / 1e9;
        Map<Integer, Long> statusCounts = new TreeMap<>();
        statuses.forEach((k, v) -> statusCounts.put(k, v.sum()));
        return new LoadResult(measured.sum(), errors.sum(), seconds, measured.sum() / seconds,
                histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6, statusCounts);
    }

    /** {@link #settle} on the rate rule alone. */
    public List<Double> settle(int connections, Duration window, Duration min, Duration max, Calls calls, IntPredicate success) {
        return settle(connections, window, min, max, calls, success, null);
    }

    /**
     * Runs the load in windows of {@code window} until {@link Settling}'s rule (over {@code jit}'s JVM, if given) says
     * the JIT has settled. A fixed warm-up is too short for a large JVM service on 2 cores, whose C2 compiler shares
     * the cores with the load: its rate still rose by half between three consecutive 12 s windows, and with the rate
     * rule alone (no minimum) the issuing CA was judged settled after 60 s while its compiler threads still spent
     * about 0.7 s of every second compiling (JFR, {@code jdk.Compilation}) and its rate rose by another 40 % over the
     * measured runs. A compiled peer settles in the first windows and pays for this only their length. Answers the
     * windows' rates, for the log.
     */
    public List<Double> settle(int connections, Duration window, Duration min, Duration max, Calls calls, IntPredicate success, JitTime jit) {
        Settling settling = new Settling(window, min, max, jit == null ? Map.of() : Map.of("JVM", jit));
        while (!settling.settled()) {
            settling.window(run(connections, Duration.ZERO, window, calls, success).perSecond());
        }
        settling.log();
        return settling.rates();
    }

    private void loop(HttpClient client, Calls calls, IntPredicate success, AtomicLong sequence, Recorder latencies,
                      LongAdder measured, LongAdder errors, Map<Integer, LongAdder> statuses, long measureFrom, long end,
                      CountDownLatch done) {
        long sent = System.nanoTime();
        if (sent >= end) {
            done.countDown();
            return;
        }
        Call call = calls.next(sequence.getAndIncrement());
        RequestOptions options = new RequestOptions().setMethod(call.method()).setHost("127.0.0.1").setPort(call.port())
                .setURI(call.uri()).setIdleTimeout(30_000);
        call.headers().forEach(options::putHeader);
        client.request(options)
                .compose(request -> call.body() == null ? request.send() : request.send(call.body()))
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> {
                    long now = System.nanoTime();
                    boolean inWindow = sent >= measureFrom && now <= end;
                    if (result.succeeded()) {
                        int status = result.result();
                        if (inWindow) {
                            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                            if (success.test(status)) {
                                measured.increment();
                                latencies.recordValue(now - sent);
                            } else {
                                errors.increment();
                            }
                        }
                    } else if (inWindow) {
                        errors.increment();
                    }
                    loop(client, calls, success, sequence, latencies, measured, errors, statuses, measureFrom, end, done);
                });
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
