package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.DataChange;
import id.go.kapuaskab.sertel.applicant.domain.DataChangeStatus;
import id.go.kapuaskab.sertel.applicant.repository.DataChangeDocumentRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A data change as the applicant and the reviewing officers see it. */
@Schema(name = "DataChange")
public record DataChangeView(
        UUID id, UUID applicantId,
        @Schema(example = "Budi Santoso") String applicantName,
        UUID institutionId,
        @Schema(example = "SUBMITTED") DataChangeStatus status,
        @Schema(description = "The data version the change was based on", example = "3") int baseDataVersion,
        @Schema(description = "Requested new values by field; an empty string clears an optional field",
                example = "{\"position\":\"Sandiman Ahli Pertama\",\"phone\":\"+6281298765432\"}") Map<String, String> changes,
        @Schema(description = "The values now on record for the same fields",
                example = "{\"position\":\"Pranata Komputer\",\"phone\":\"+6281234567890\"}") Map<String, String> currentValues,
        @Schema(description = "Whether a certificate-subject field changes (name, e-mail, NIK, institution, unit)") boolean subjectChange,
        @Schema(example = "Mutasi jabatan sesuai SK Bupati") String reason,
        @Schema(nullable = true, description = "The regional system (staffing system) that submitted it for the applicant; null when the applicant did",
                example = "int-5f0c2a9e81d3b7c4e6a1") String submittedByClient,
        Instant submittedAt,
        @Schema(nullable = true) Instant decidedAt,
        @Schema(nullable = true) UUID decidedBy,
        @Schema(nullable = true) String decisionReason,
        @Schema(description = "The data version the approval produced", nullable = true) Integer resultVersion,
        List<DocumentView> documents) {

    @Schema(name = "DataChangeDocument")
    public record DocumentView(UUID id, @Schema(example = "sk-mutasi.pdf") String fileName,
                               @Schema(example = "application/pdf") String mediaType,
                               @Schema(example = "48213") int sizeBytes,
                               @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256) {
        static DocumentView of(DataChangeDocumentRepository.Info i) {
            return new DocumentView(i.id(), i.fileName(), i.mediaType(), i.sizeBytes(), i.sha256());
        }
    }

    static DataChangeView of(DataChange d, String applicantName, Map<String, String> currentValues,
                             List<DataChangeDocumentRepository.Info> documents) {
        return new DataChangeView(d.id, d.applicantId, applicantName, d.institutionId, d.status, d.baseDataVersion, d.changes,
                currentValues, d.subjectChange, d.reason, d.submittedByClient, d.submittedAt, d.decidedAt, d.decidedBy, d.decisionReason,
                d.resultVersion, documents.stream().map(DocumentView::of).toList());
    }
}
