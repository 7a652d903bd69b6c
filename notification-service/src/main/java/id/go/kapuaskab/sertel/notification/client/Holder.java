package id.go.kapuaskab.sertel.notification.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * A person to write to: an applicant's snapshot or a verifier, reduced to what a mail needs. The snapshot's
 * other fields (NIK among them) are deliberately not read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Holder(UUID id, String status, String fullName, String email, String language) {

    /** {@code en} or {@code id} (the default for anything else). */
    public String lang() {
        return "en".equalsIgnoreCase(language) ? "en" : "id";
    }

    @Override
    public String toString() {
        return "Holder[id=" + id + "]";
    }
}
