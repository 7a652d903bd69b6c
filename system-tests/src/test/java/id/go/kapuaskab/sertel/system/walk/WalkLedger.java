package id.go.kapuaskab.sertel.system.walk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the stack holds, counted through the public API: the walk reads it before and after, and nothing may have
 * changed. Every list an admin, a verifier or the applicant can read is counted; the applicant's own data by version.
 */
public final class WalkLedger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String gateway;
    private final java.time.Instant since;

    /** {@code since}: mail sent from then on (reminders aside, which the scheduler sends on its own) counts as written. */
    public WalkLedger(HttpClient http, String gateway, java.time.Instant since) {
        this.http = http;
        this.gateway = gateway;
        this.since = since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** Token per role: {@code admin}, {@code verifier}, {@code applicant}. */
    public Map<String, String> count(Map<String, String> tokens) {
        Map<String, String> counts = new LinkedHashMap<>();
        String admin = tokens.get("admin");
        counts.put("institutions", size(get(admin, "/api/v1/institutions?includeInactive=true")));
        counts.put("officers", size(get(admin, "/api/v1/officers")));
        counts.put("applicants", total(get(admin, "/api/v1/applicants?size=1")));
        counts.put("data changes (all)", size(get(admin, "/api/v1/data-changes?status=ALL&size=100")));
        counts.put("requests (admin)", total(get(admin, "/api/v1/requests?limit=1")));
        counts.put("requests (applicant)", total(get(tokens.get("applicant"), "/api/v1/requests?limit=1")));
        counts.put("verifier queue", size(get(tokens.get("verifier"), "/api/v1/requests/queue")));
        counts.put("certificates", total(get(admin, "/api/v1/certificates?size=1")));
        JsonNode me = get(tokens.get("applicant"), "/api/v1/applicants/me");
        counts.put("applicant data", me.path("dataVersion").asText() + "/" + me.path("confirmedVersion").asText()
                + "/" + me.path("openDataChangeId").asText());
        counts.put("applicant data changes", size(get(tokens.get("applicant"), "/api/v1/applicants/me/data-changes")));
        JsonNode mail = get(admin, "/api/v1/notifications?limit=100&from=" + since);
        long workflowAndOneOff = 0;
        for (JsonNode item : mail.path("items")) {
            if (!"EXPIRY_REMINDER".equals(item.path("kind").asText())) {
                workflowAndOneOff++;
            }
        }
        counts.put("mail other than reminders since the walk began", workflowAndOneOff + "");
        return counts;
    }

    private JsonNode get(String token, String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String size(JsonNode node) {
        return Integer.toString(node.isArray() ? node.size() : node.path("items").size());
    }

    private static String total(JsonNode node) {
        return node.has("total") ? node.get("total").asText() : size(node);
    }
}
