package id.go.kapuaskab.sertel.support.security;

import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Step-up for what authorises our CA or changes who may do what: approving a request, revoking or suspending a
 * certificate, an admin's change to institutions and accounts. The caller's token must say a second factor was
 * proved in its session ({@code amr} contains {@code otp}); otherwise 403 {@code auth.step-up-required}. One setting
 * for every service: {@code sertel.security.step-up} ({@code STEP_UP}, default {@code true}), off only where the
 * deployment's identity provider has no second factor.
 */
@ApplicationScoped
public class StepUp {

    private final boolean required;

    StepUp(@ConfigProperty(name = "sertel.security.step-up", defaultValue = "true") boolean required) {
        this.required = required;
    }

    public void require(Caller caller) {
        if (required && !caller.hasSecondFactor()) {
            throw DomainException.forbidden("auth.step-up-required");
        }
    }
}
