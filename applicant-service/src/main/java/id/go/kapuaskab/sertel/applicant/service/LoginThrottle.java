package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.config.AuthConfig;
import id.go.kapuaskab.sertel.applicant.repository.LoginAttemptRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.problem.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Growing back-off after failed logins, per user name: after {@code free-attempts} failures in a row the
 * name is held for {@code base-delay}, doubling with every further failure up to {@code max-delay}. A
 * success clears it. Names without an account are throttled the same way, so the answer reveals nothing.
 */
@ApplicationScoped
public class LoginThrottle {

    private final LoginAttemptRepository attempts;
    private final AuthConfig.Lockout settings;
    private final Clock clock;

    LoginThrottle(LoginAttemptRepository attempts, AuthConfig config, Clock clock) {
        this.attempts = attempts;
        this.settings = config.lockout();
        this.clock = clock;
    }

    /** Refuses with 429 and the remaining wait while the name is held. */
    @Transactional
    public void checkNotHeld(String username) {
        Instant now = clock.instant();
        attempts.lockedUntil(username).filter(now::isBefore).ifPresent(until -> {
            long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
            throw new DomainException(ProblemKind.TOO_MANY, "auth.locked", seconds)
                    .retryAfter(Duration.ofSeconds(seconds))
                    .with("error", "invalid_grant");
        });
    }

    /** Counts a failure; true when it puts the name on hold. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean recordFailure(String username) {
        Instant now = clock.instant();
        int failures = attempts.recordFailure(username, now);
        int over = failures - settings.freeAttempts();
        if (over >= 0) {
            Duration hold = settings.baseDelay().multipliedBy(1L << Math.min(over, 20));
            if (hold.compareTo(settings.maxDelay()) > 0) {
                hold = settings.maxDelay();
            }
            attempts.lockUntil(username, now.plus(hold));
            return true;
        }
        return false;
    }

    @Transactional
    public void recordSuccess(String username) {
        attempts.clear(username);
    }
}
