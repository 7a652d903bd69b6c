package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.support.security.Caller;

/** Who made a transition: a person (account id and role) or this service itself (the outbox worker). */
public record Actor(String id, String role) {

    public static final Actor SYSTEM = new Actor("renewal-service", "SYSTEM");

    public static Actor of(Caller caller) {
        String role = caller.isAdmin() ? Caller.ADMIN : caller.isVerifier() ? Caller.VERIFIER
                : caller.isApplicant() ? Caller.APPLICANT : caller.roles().stream().findFirst().orElse("UNKNOWN");
        return new Actor(caller.subject(), role);
    }
}
