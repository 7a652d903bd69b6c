package id.go.kapuaskab.sertel.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60));

    @Test
    void startsAtTheInitialWaitDoublesAndStopsAtTheCap() {
        assertThat(backoff.base(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.base(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.base(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.base(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.base(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.base(1_000)).isEqualTo(Duration.ofSeconds(60));
    }

    @RepeatedTest(50)
    void jitterAddsLessThanAFifth() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            long base = backoff.base(attempt).toMillis();
            assertThat(backoff.after(attempt).toMillis()).isBetween(base, base + base / 5 - 1);
        }
    }
}
