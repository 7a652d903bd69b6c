package id.go.kapuaskab.sertel.certificate.domain;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the verified token says: {@code sub}, the role from {@code groups}, the institutions of
 * {@code inst}. Services decide with this; they never see HTTP.
 */
public record Caller(String subject, Set<String> roles, Set<UUID> institutions) {

    public static final String APPLICANT = "APPLICANT";
    public static final String VERIFIER = "VERIFIER";
    public static final String ADMIN = "ADMIN";
    public static final String RENEWAL_SERVICE = "RENEWAL_SERVICE";
    public static final String NOTIFICATION_SERVICE = "NOTIFICATION_SERVICE";

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** For the audit trail: the subject and the role. */
    public String actor() {
        return subject + " (" + String.join(",", roles) + ")";
    }
}
