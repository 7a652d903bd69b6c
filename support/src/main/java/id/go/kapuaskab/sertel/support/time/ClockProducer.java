package id.go.kapuaskab.sertel.support.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The system clock for every service. Code that needs "now" injects {@link Clock} rather than calling
 * {@code Instant.now()}, so tests move time with a test-scoped alternative; there is no runtime setting
 * that shifts the production clock.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
