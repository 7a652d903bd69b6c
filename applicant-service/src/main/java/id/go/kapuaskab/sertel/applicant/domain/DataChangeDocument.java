package id.go.kapuaskab.sertel.applicant.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A supporting document of a data change, with the SHA-256 of its content for the record. */
@Entity
@Table(name = "data_change_document")
public class DataChangeDocument {

    @Id
    public UUID id;

    @Column(name = "data_change_id", nullable = false)
    public UUID dataChangeId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
