package id.go.kapuaskab.sertel.applicant.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What operators watch of logins (Prometheus at {@code /q/metrics}): {@code sertel_auth_logins_total{result}}
 * (success, failure, otp_failure, locked, otp_required), {@code sertel_auth_password_resets_total{stage}}
 * (requested, completed) and {@code sertel_auth_mfa_changes_total{change}} (enrolled, disabled, reset).
 */
@ApplicationScoped
public class AuthMetrics {

    private final MeterRegistry registry;

    AuthMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void login(String result) {
        Counter.builder("sertel.auth.logins").description("Login attempts by result").tag("result", result).register(registry).increment();
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
