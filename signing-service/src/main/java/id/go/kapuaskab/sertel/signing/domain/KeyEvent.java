package id.go.kapuaskab.sertel.signing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a key's history: who did what to it, when, and (for an unlock) why. Never a passphrase. */
@Entity
@Table(name = "signing_key_event")
public class KeyEvent {

    public static final String CREATED = "CREATED";
    public static final String CERTIFICATE_BOUND = "CERTIFICATE_BOUND";
    public static final String WRONG_PASSPHRASE = "WRONG_PASSPHRASE";
    public static final String LOCKED = "LOCKED";
    public static final String UNLOCKED = "UNLOCKED";
    public static final String PASSPHRASE_CHANGED = "PASSPHRASE_CHANGED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "key_id", nullable = false)
    public UUID keyId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    public String reason;
}
