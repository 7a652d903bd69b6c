package id.go.kapuaskab.sertel.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox is drained to the SMTP server: parallelism, leases and the retry back-off. */
@ConfigMapping(prefix = "sertel.outbox")
public interface OutboxConfig {

    /** {@code sertel.outbox.poll-every}, default {@code 5s}: how often each replica looks for due messages; {@code off} disables polling. */
    @WithDefault("5s")
    String pollEvery();

    /** {@code sertel.outbox.send-after-commit}, default {@code true}: start sending right after a message is committed, without waiting for the next poll. */
    @WithDefault("true")
    boolean sendAfterCommit();

    /**
     * {@code sertel.outbox.parallelism}, default {@code 8}: messages sent at the same time by one replica; keep
     * {@code quarkus.mailer.max-pool-size} at least this, so each sender holds its own SMTP connection.
     */
    @WithDefault("8")
    int parallelism();

    /** {@code sertel.outbox.batch-size}, default {@code 64}: messages claimed per database round trip. */
    @WithDefault("64")
    int batchSize();

    /** {@code sertel.outbox.lease}, default {@code PT5M}: how long a claimed message belongs to its worker; after that another replica takes it over. */
    @WithDefault("PT5M")
    Duration lease();

    /** {@code sertel.outbox.initial-backoff}, default {@code PT1M}: wait after the first transient SMTP failure; doubles after each. */
    @WithDefault("PT1M")
    Duration initialBackoff();

    /** {@code sertel.outbox.max-backoff}, default {@code PT1H}: the cap of the back-off. */
    @WithDefault("PT1H")
    Duration maxBackoff();

    /** {@code sertel.outbox.max-attempts}, default {@code 24}: after this many transient failures the message is FAILED. */
    @WithDefault("24")
    int maxAttempts();
}
