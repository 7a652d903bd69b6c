package id.go.kapuaskab.sertel.applicant.service;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The recorded "Sesuai" of SOP step 3. */
@Schema(name = "Confirmation")
public record ConfirmationView(@Schema(example = "3") int dataVersion, Instant confirmedAt) {
}
