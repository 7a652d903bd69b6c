package id.go.kapuaskab.sertel.certificate.domain;

import java.util.Locale;

/**
 * The certificate events this service emits for the webhooks of regional systems (docs/ARCHITECTURE.md,
 * "Integration events"); on the wire {@code certificate.<name in lower case>}, e.g. {@code certificate.revoked}.
 */
public enum CertificateEventType {
    ISSUED, REVOKED, SUSPENDED, RESUMED;

    public String wire() {
        return "certificate." + name().toLowerCase(Locale.ROOT);
    }
}
