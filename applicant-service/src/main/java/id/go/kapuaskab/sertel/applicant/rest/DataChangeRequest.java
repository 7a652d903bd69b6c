package id.go.kapuaskab.sertel.applicant.rest;

import id.go.kapuaskab.sertel.applicant.domain.EmploymentType;
import id.go.kapuaskab.sertel.applicant.service.DataChangeCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A data change as JSON: the new values of the chosen fields, a reason, and documents as base64. */
@Schema(name = "DataChangeSubmission", description = """
        SOP "Perubahan Data Pemohon". Only the fields present in `changes` change; an empty string clears an optional \
        field (`nip`). Documents are PDF, JPEG or PNG (recognised by content), base64 in `content`; at most 3 of \
        512 KiB each (decoded), and the whole request at most 1 MiB.""")
public record DataChangeRequest(
        @NotNull @Schema(description = "The data version the applicant saw (from GET /api/v1/applicants/me)", example = "1") Integer dataVersion,
        @NotNull @Valid Changes changes,
        @NotBlank @Size(max = 1000) @Schema(example = "Mutasi jabatan sesuai SK Bupati Kapuas") String reason,
        @Size(max = 10) List<@NotNull @Valid Document> documents) {

    @Schema(name = "DataChangeFields", description = "New values of the chosen fields; omitted fields stay as they are.",
            example = "{\"position\":\"Sandiman Ahli Pertama\",\"phone\":\"0812-9876-5432\"}")
    public record Changes(@Size(max = 150) String fullName,
                          @Size(max = 254) String email,
                          @Size(max = 32) String nik,
                          @Size(max = 32) String nip,
                          @Size(max = 32) String phone,
                          @Size(max = 200) String position,
                          EmploymentType employmentType,
                          UUID institutionId,
                          UUID workUnitId) {

        Map<String, String> toMap() {
            Map<String, String> m = new LinkedHashMap<>();
            put(m, "fullName", fullName);
            put(m, "email", email);
            put(m, "nik", nik);
            put(m, "nip", nip);
            put(m, "phone", phone);
            put(m, "position", position);
            put(m, "employmentType", employmentType);
            put(m, "institutionId", institutionId);
            put(m, "workUnitId", workUnitId);
            return m;
        }

        private static void put(Map<String, String> m, String key, Object value) {
            if (value != null) {
                m.put(key, value.toString());
            }
        }
    }

    @Schema(name = "DataChangeDocumentUpload")
    public record Document(@NotBlank @Size(max = 200) @Schema(example = "sk-mutasi.pdf") String fileName,
                           @NotBlank @Schema(description = "The file, base64 (RFC 4648)", example = "JVBERi0xLjcKJcfsj6IK...") String content) {
    }

    DataChangeCommand command() {
        List<DataChangeCommand.Upload> uploads = documents == null ? List.of()
                : documents.stream().map(d -> new DataChangeCommand.Upload(d.fileName(), d.content())).toList();
        return new DataChangeCommand(dataVersion, changes.toMap(), reason, uploads);
    }
}
