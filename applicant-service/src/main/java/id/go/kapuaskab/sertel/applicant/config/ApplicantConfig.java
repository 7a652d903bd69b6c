package id.go.kapuaskab.sertel.applicant.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of applicants, registration and data changes. */
@ConfigMapping(prefix = "sertel.applicant")
public interface ApplicantConfig {

    Registration registration();

    Documents documents();

    /** {@code sertel.applicant.max-page-size} (default 100): the largest page an officer list returns; larger asks are 422. */
    @WithDefault("100")
    int maxPageSize();

    interface Registration {
        /** {@code sertel.applicant.registration.confirmation-ttl} (default 48 hours): how long an e-mail confirmation link works. */
        @WithDefault("PT48H")
        Duration confirmationTtl();

        /**
         * {@code sertel.applicant.registration.confirmation-url} (default {@code ${PUBLIC_BASE_URL}/konfirmasi-email} in
         * {@code application.properties}, overridden by {@code CONFIRMATION_URL}): the web console's page that takes {@code ?token=} and posts it with the new password to
         * {@code POST /api/v1/applicants/email-confirmation}.
         */
        @WithDefault("http://localhost:8080/konfirmasi-email")
        String confirmationUrl();
    }

    interface Documents {
        /** {@code sertel.applicant.documents.max-size} (default 512K): the largest supporting document, decoded. */
        @WithDefault("512K")
        MemorySize maxSize();

        /** {@code sertel.applicant.documents.max-count} (default 3): documents per data change. */
        @WithDefault("3")
        int maxCount();
    }
}
