package id.go.kapuaskab.sertel.renewal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the transactional outbox is worked off: the CA hand-over and the workflow events. */
@ConfigMapping(prefix = "sertel.outbox")
public interface OutboxConfig {

    /** {@code sertel.outbox.enabled} (default {@code true}): run the worker in this replica. */
    @WithDefault("true")
    boolean enabled();

    /** {@code sertel.outbox.poll-interval} (default {@code PT2S}): how often to look for due work besides the wake-up after each commit. */
    @WithDefault("PT2S")
    Duration pollInterval();

    /** {@code sertel.outbox.batch-size} (default {@code 32}): entries claimed at once. */
    @WithDefault("32")
    int batchSize();

    /** {@code sertel.outbox.concurrency} (default {@code 8}): entries worked on in parallel. */
    @WithDefault("8")
    int concurrency();

    /** {@code sertel.outbox.lease} (default {@code PT2M}): how long a claim holds; a crashed replica's claims are taken over after it. */
    @WithDefault("PT2M")
    Duration lease();

    /** {@code sertel.outbox.backoff-initial} (default {@code PT2S}): wait after the first failed attempt; doubles per attempt. */
    @WithDefault("PT2S")
    Duration backoffInitial();

    /** {@code sertel.outbox.backoff-max} (default {@code PT5M}): the cap of the back-off. */
    @WithDefault("PT5M")
    Duration backoffMax();

    /** {@code sertel.outbox.deliver-events} (default {@code true}): deliver events to notification-service; when false they are held. */
    @WithDefault("true")
    boolean deliverEvents();
}
