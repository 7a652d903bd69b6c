package id.go.kapuaskab.sertel.certificate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The intent to issue for one approved request: the request id is the idempotency key, the content hash tells a
 * replay from a conflicting reuse. Written with its certificate in one statement since issue 21; before, it reserved
 * the serial in a transaction of its own before anything was signed (rows left in state {@link #INTENT}).
 */
@Entity
@Table(name = "issuance")
public class Issuance {

    /** Only rows from before issue 21, when the intent committed on its own before the certificate, are in this state. */
    public static final String INTENT = "INTENT";
    public static final String ISSUED = "ISSUED";

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(nullable = false)
    public String serial;

    @Column(nullable = false)
    public String state;

    @Column(name = "key_generated", nullable = false)
    public boolean keyGenerated;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
