package id.go.kapuaskab.sertel.applicant.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What operators watch of logins (Prometheus at {@code /q/metrics}): {@code sertel_auth_logins_total{result}}
 * (success, failure, otp_failure, locked, otp_required; {@code locked} is an attempt refused while a hold lasts),
 * {@code sertel_auth_lockouts_total} (holds that began: repeated failures on one user name),
 * {@code sertel_auth_password_resets_total{stage}}
 * (requested, completed) and {@code sertel_auth_mfa_changes_total{change}} (enrolled, disabled, reset).
 */
@Startup
@ApplicationScoped
public class AuthMetrics {

    private final MeterRegistry registry;

    AuthMetrics(MeterRegistry registry) {
        this.registry = registry;
        // every series exists from the start at zero, so a rate() or an alert never looks at a missing series
        List.of("success", "failure", "otp_failure", "locked", "otp_required").forEach(r -> login(r, 0));
        Counter.builder("sertel.auth.lockouts").description("Login holds that began after repeated failures").register(registry);
        List.of("requested", "completed").forEach(s -> Counter.builder("sertel.auth.password.resets").description("Password resets by stage")
                .tag("stage", s).register(registry));
        List.of("enrolled", "disabled", "reset").forEach(c -> Counter.builder("sertel.auth.mfa.changes")
                .description("Second-factor enrolments, switch-offs and admin resets").tag("change", c).register(registry));
    }

    public void login(String result) {
        login(result, 1);
    }

    private void login(String result, int count) {
        Counter.builder("sertel.auth.logins").description("Login attempts by result").tag("result", result).register(registry).increment(count);
    }

    /** A hold began on a user name after repeated failures. */
    public void lockout() {
        Counter.builder("sertel.auth.lockouts").description("Login holds that began after repeated failures").register(registry).increment();
    }

    public void passwordReset(String stage) {
        Counter.builder("sertel.auth.password.resets").description("Password resets by stage").tag("stage", stage).register(registry)
                .increment();
    }

    public void mfaChange(String change) {
        Counter.builder("sertel.auth.mfa.changes").description("Second-factor enrolments, switch-offs and admin resets")
                .tag("change", change).register(registry).increment();
    }
}
