package id.go.kapuaskab.sertel.signing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A signature this service made: the document's SHA-256 before and after, whose key, who asked (the holder, or an
 * integration client on the holder's behalf), the certificate and the time-stamp. The document itself is not kept.
 */
@Entity
@Table(name = "signature_record")
public class SignatureRecord {

    @Id
    public UUID id;

    @Column(name = "key_id", nullable = false)
    public UUID keyId;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    @Column(name = "institution_id", nullable = false)
    public UUID institutionId;

    /** The token subject that asked: the holder's account id, or the integration client's id. */
    @Column(name = "signed_by", nullable = false)
    public String signedBy;

    /** The integration client that asked on the holder's behalf; null when the holder signed in person. */
    @Column(name = "client_id")
    public String clientId;

    @Column(name = "document_sha256", nullable = false)
    public String documentSha256;

    @Column(name = "signed_sha256", nullable = false)
    public String signedSha256;

    @Column(name = "certificate_serial", nullable = false)
    public String certificateSerial;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;

    @Column(name = "timestamp_time", nullable = false)
    public Instant timestampTime;

    @Column(name = "tsa_serial", nullable = false)
    public String tsaSerial;

    @Column(nullable = false)
    public String level;

    @Column(nullable = false)
    public boolean visible;
}
