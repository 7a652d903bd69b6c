package id.go.kapuaskab.sertel.renewal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The rules of the request workflow that the office may tune. */
@ConfigMapping(prefix = "sertel.workflow")
public interface WorkflowConfig {

    /** {@code sertel.workflow.renewal-window} (default {@code P30D}): how long before expiry a certificate may be renewed. */
    @WithDefault("P30D")
    Duration renewalWindow();

    /** {@code sertel.workflow.grace-period} (default {@code P30D}): how long after expiry a certificate may still be renewed. */
    @WithDefault("P30D")
    Duration gracePeriod();

    /** {@code sertel.workflow.four-eyes} (default {@code true}): the approver must differ from whoever recorded the step-7 checks. */
    @WithDefault("true")
    boolean fourEyes();

    /**
     * {@code sertel.workflow.issuing-stuck-after} (default {@code PT15M}): a request in ISSUING longer than this counts as
     * stuck in {@code sertel_requests_issuing_stuck} (and the alert).
     */
    @WithDefault("PT15M")
    Duration issuingStuckAfter();

    /** {@code sertel.workflow.review-sla} (default {@code P1D}): how long a submitted request may wait in the queue. */
    @WithDefault("P1D")
    Duration reviewSla();

    /** {@code sertel.workflow.due-soon} (default {@code PT4H}): a queued request is DUE_SOON when less than this is left. */
    @WithDefault("PT4H")
    Duration dueSoon();

    /** {@code sertel.workflow.profile} (default {@code document-signing}): the certificate profile requested from the CA. */
    @WithDefault("document-signing")
    String profile();

    /** {@code sertel.workflow.default-key-type} (default {@code EC_P256}): key type of a server-generated key when none is asked for. */
    @WithDefault("EC_P256")
    String defaultKeyType();
}
