package id.go.kapuaskab.sertel.applicant.domain;

import java.util.List;

/** What a regional system may be allowed to do; the values of its tokens' {@code scope} claim. */
public final class IntegrationScope {

    /** Ask whether people hold a valid certificate ({@code POST /api/v1/integrations/status-lookups}). */
    public static final String STATUS_READ = "status:read";
    /** Subscribe to signed webhooks (notification-service). */
    public static final String EVENTS_SUBSCRIBE = "events:subscribe";
    /** Send people from the staffing system ({@code POST /api/v1/integrations/staff-sync}). */
    public static final String APPLICANTS_SYNC = "applicants:sync";
    /** Sign documents for holders with their passphrase (signing-service). */
    public static final String DOCUMENTS_SIGN = "documents:sign";

    public static final List<String> ALL = List.of(STATUS_READ, EVENTS_SUBSCRIBE, APPLICANTS_SYNC, DOCUMENTS_SIGN);

    private IntegrationScope() {
    }
}
