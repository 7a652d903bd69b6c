package id.go.kapuaskab.sertel.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the mails link to. The SMTP server itself is {@link SmtpConfig} ({@code SMTP_*}). */
@ConfigMapping(prefix = "sertel.mail")
public interface MailConfig {

    /**
     * {@code sertel.mail.renewal-url}, default {@code ${PUBLIC_BASE_URL:http://localhost:8080}/pembaruan}: where the
     * "renew now" link of a reminder points; the certificate's serial is added as {@code ?serial=}.
     */
    @WithDefault("http://localhost:8080/pembaruan")
    String renewalUrl();

    /**
     * {@code sertel.mail.requests-url}, default {@code ${PUBLIC_BASE_URL:http://localhost:8080}/permohonan}: where
     * the link of a workflow mail points; the request id is appended as a path segment.
     */
    @WithDefault("http://localhost:8080/permohonan")
    String requestsUrl();

    /** {@code sertel.mail.message-id-domain}, default {@code sertel.kapuaskab.go.id}: right-hand side of the stable Message-ID of every mail. */
    @WithDefault("sertel.kapuaskab.go.id")
    String messageIdDomain();
}
