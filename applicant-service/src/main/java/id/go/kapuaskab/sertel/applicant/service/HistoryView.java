package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.HistoryEntry;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of an applicant's append-only history. */
@Schema(name = "HistoryEntry")
public record HistoryView(@Schema(example = "3") int dataVersion, Instant occurredAt,
                          @Schema(nullable = true) UUID actorId,
                          @Schema(example = "VERIFIER", description = "APPLICANT, VERIFIER, ADMIN, SYSTEM, or INTEGRATION (a regional system)") String actorRole,
                          @Schema(nullable = true, description = "The integration client that acted (actorRole INTEGRATION)", example = "int-5f0c2a9e81d3b7c4e6a1") String actorClientId,
                          @Schema(example = "DATA_CHANGED", enumeration = {"REGISTERED", "EMAIL_CONFIRMED", "ACTIVATED", "DATA_CHANGED"}) String action,
                          @Schema(description = "Old and new value of every field that changed",
                                  example = "{\"position\":{\"from\":\"Pranata Komputer\",\"to\":\"Sandiman Ahli Pertama\"}}")
                          Map<String, HistoryEntry.FieldChange> changes,
                          @Schema(nullable = true) String reason,
                          @Schema(nullable = true) UUID dataChangeId) {

    static HistoryView of(HistoryEntry e) {
        return new HistoryView(e.dataVersion, e.occurredAt, e.actorId, e.actorRole, e.actorClient, e.action, e.changes, e.reason, e.dataChangeId);
    }
}
