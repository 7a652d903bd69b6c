package id.go.kapuaskab.sertel.certificate.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A CA we run, with the state of its CRL. The CA's private key is not here: it stays in the keystore or HSM. */
@Entity
@Table(name = "ca_authority")
public class CaAuthority {

    @Id
    public String name;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public byte[] certificate;

    @Column(name = "crl_number", nullable = false)
    public long crlNumber;

    public byte[] crl;

    @Column(name = "crl_this_update")
    public Instant crlThisUpdate;

    @Column(name = "crl_next_update")
    public Instant crlNextUpdate;
}
