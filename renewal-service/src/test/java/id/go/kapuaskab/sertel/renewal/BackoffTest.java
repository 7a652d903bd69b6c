package id.go.kapuaskab.sertel.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.sertel.renewal.service.OutboxProcessor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The outbox's retry back-off doubles per attempt from the initial wait and stops growing at the cap (test: 0.2 s, 1 s). */
@QuarkusTest
class BackoffTest {

    @Inject
    OutboxProcessor processor;

    @Test
    void backOffDoublesAndIsCapped() {
        assertThat(processor.backoff(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(240));
        assertThat(processor.backoff(2)).isBetween(Duration.ofMillis(400), Duration.ofMillis(480));
        assertThat(processor.backoff(3)).isBetween(Duration.ofMillis(800), Duration.ofMillis(960));
        assertThat(processor.backoff(4)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1200));
        assertThat(processor.backoff(60)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1200));
    }
}
