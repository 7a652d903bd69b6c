package id.go.kapuaskab.sertel.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** How a service's outbox is worked off. Topic settings override the service-wide back-off and limits. */
@ConfigMapping(prefix = "sertel.outbox")
public interface OutboxConfig {

    /** {@code sertel.outbox.workers} (default {@code 4}): background threads claiming and delivering; 0 runs none (tests drain by hand). */
    @WithDefault("4")
    int workers();

    /** {@code sertel.outbox.batch-size} (default {@code 8}): items one worker claims per database round trip. */
    @WithDefault("8")
    int batchSize();

    /** {@code sertel.outbox.poll-interval} (default {@code PT2S}): how often idle workers look for due work besides the wake-up after each local commit. */
    @WithDefault("PT2S")
    Duration pollInterval();

    /**
     * {@code sertel.outbox.lease} (default {@code PT15S}): how long a claim holds without renewal. A worker renews the
     * leases of the items it works on every third of this, so a live worker keeps them however long a delivery takes,
     * and the items of a worker that died are taken over within one lease.
     */
    @WithDefault("PT15S")
    Duration lease();

    /** {@code sertel.outbox.backoff-initial} (default {@code PT2S}): wait after the first failed attempt; doubles per attempt, plus up to 20 % jitter. */
    @WithDefault("PT2S")
    Duration backoffInitial();

    /** {@code sertel.outbox.backoff-max} (default {@code PT5M}): the cap of the back-off. */
    @WithDefault("PT5M")
    Duration backoffMax();

    /** {@code sertel.outbox.max-attempts} (default {@code 0}, no limit): attempts after which a retried item is DEAD. */
    @WithDefault("0")
    int maxAttempts();

    /** {@code sertel.outbox.retention} (default {@code P30D}): how long DONE items and their attempts are kept; DEAD items stay until an operator acts. */
    @WithDefault("P30D")
    Duration retention();

    /** {@code sertel.outbox.shutdown-grace} (default {@code PT10S}): on SIGTERM, how long running deliveries may finish before their leases are handed back. */
    @WithDefault("PT10S")
    Duration shutdownGrace();

    /** {@code sertel.outbox.metrics-refresh} (default {@code PT15S}): how often backlog and age gauges are read from the database. */
    @WithDefault("PT15S")
    Duration metricsRefresh();

    /** {@code sertel.outbox.topics."<topic>".*}: per-topic overrides of back-off and attempt limit. */
    Map<String, Topic> topics();

    interface Topic {
        /** {@code backoff-initial}: overrides {@code sertel.outbox.backoff-initial} for this topic. */
        Optional<Duration> backoffInitial();

        /** {@code backoff-max}: overrides {@code sertel.outbox.backoff-max} for this topic. */
        Optional<Duration> backoffMax();

        /** {@code max-attempts}: overrides {@code sertel.outbox.max-attempts} for this topic. */
        OptionalInt maxAttempts();
    }
}
