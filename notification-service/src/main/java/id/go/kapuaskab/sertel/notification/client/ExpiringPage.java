package id.go.kapuaskab.sertel.notification.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One page of certificate-service's expiring view; {@code next} is the cursor of the next page, null at the end. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExpiringPage(List<Item> items, String next) {

    /** An ACTIVE certificate (its status reads EXPIRED once notAfter has passed). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String serial, UUID holderId, UUID institutionId, Instant notAfter, String status) {
    }
}
