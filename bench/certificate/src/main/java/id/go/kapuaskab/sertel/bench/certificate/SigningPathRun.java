package id.go.kapuaskab.sertel.bench.certificate;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link SigningPathBenchmark} with settings fit for a 2-core machine (2 threads, 14 s of warm-up, 15 s
 * measured, one fork per CA key type) and prints certificates per second with p50/p99.
 */
public final class SigningPathRun {

    private SigningPathRun() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("bench.threads", 2);
        double reference = Reference.bcP256SignaturesPerSecond();
        System.out.printf("reference: BouncyCastle alone signs %.0f P-256 signatures/s on one thread now (load average %s)%n",
                reference, Reference.loadAverage());
        Options options = new OptionsBuilder()
                .include(SigningPathBenchmark.class.getSimpleName())
                .threads(threads)
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(7))
                .measurementIterations(3).measurementTime(TimeValue.seconds(5))
                .jvmArgsAppend("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println("JMH signing path: CSR -> checked, signed, stored certificate (PostgreSQL, fsync on), " + threads + " threads");
        System.out.println("| issuing CA | certs/s | p50 ms | p99 ms | samples |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (RunResult r : results) {
            Statistics s = r.getPrimaryResult().getStatistics();
            double perSecond = threads * 1000.0 / s.getMean();
            System.out.printf("| %s | %.0f | %.2f | %.2f | %d |%n", r.getParams().getParam("issuingKeyType"), perSecond,
                    s.getPercentile(50), s.getPercentile(99), s.getN());
        }
        System.out.printf("load average of the machine at the end: %s; BouncyCastle alone before the run: %.0f P-256 signatures/s%n",
                Reference.loadAverage(), reference);
    }
}
