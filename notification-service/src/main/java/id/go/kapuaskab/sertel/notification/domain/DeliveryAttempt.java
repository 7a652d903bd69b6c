package id.go.kapuaskab.sertel.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One attempt to hand a message to the SMTP server, as the delivery log shows it. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {

    @Id
    public UUID id;

    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public String worker;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AttemptOutcome outcome;

    @Column(name = "smtp_code")
    public Integer smtpCode;

    public String detail;
}
