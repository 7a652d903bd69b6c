package id.go.kapuaskab.sertel.certificate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One time-stamp token our TSA granted. Only the imprint (a hash) of what was stamped is known to us, never the
 * document; the serial is unique by the primary key.
 */
@Entity
@Table(name = "timestamp_token")
public class TimestampRecord {

    @Id
    public String serial;

    @Column(name = "gen_time", nullable = false)
    public Instant genTime;

    @Column(name = "policy_oid", nullable = false)
    public String policyOid;

    @Column(name = "hash_algorithm", nullable = false)
    public String hashAlgorithm;

    @Column(name = "message_imprint", nullable = false)
    public String messageImprint;

    public String nonce;

    @Column(name = "tsa_serial", nullable = false)
    public String tsaSerial;
}
