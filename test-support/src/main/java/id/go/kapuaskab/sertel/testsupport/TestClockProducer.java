package id.go.kapuaskab.sertel.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Puts {@link MutableClock} in place of the system clock for every test that has this module on its path. */
public class TestClockProducer {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return MutableClock.INSTANCE;
    }
}
