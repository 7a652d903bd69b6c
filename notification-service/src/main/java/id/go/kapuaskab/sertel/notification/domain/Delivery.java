package id.go.kapuaskab.sertel.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One message of the delivery log, and at the same time its outbox row: the content is rendered when the message
 * is decided and stored here, so a worker sends it without any other lookup and a resend repeats it exactly.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String kind;

    /** Unique per reminder threshold, event recipient or one-off message id; null for resends. */
    @Column(name = "dedup_key")
    public String dedupKey;

    @Column(name = "recipient_account_id")
    public UUID recipientAccountId;

    @Column(name = "recipient_email")
    public String recipientEmail;

    @Column(nullable = false)
    public String language;

    public String subject;

    @Column(name = "body_text")
    public String bodyText;

    @Column(name = "body_html")
    public String bodyHtml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "certificate_serial")
    public String certificateSerial;

    @Column(name = "threshold_days")
    public Integer thresholdDays;

    /** For a reminder: the start of the day (WIB) its threshold was reached. */
    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "resend_of")
    public UUID resendOf;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** Why it was skipped (e.g. SUPERSEDED, REVOKED, HOLDER_UNKNOWN). */
    public String reason;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** A new message waiting in the outbox, due now. */
    public static Delivery pending(String kind, String dedupKey, Instant now) {
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.kind = kind;
        d.dedupKey = dedupKey;
        d.status = DeliveryStatus.PENDING;
        d.language = "id";
        d.createdAt = now;
        d.updatedAt = now;
        d.nextAttemptAt = now;
        return d;
    }

    public Delivery to(UUID accountId, String email, String lang) {
        this.recipientAccountId = accountId;
        this.recipientEmail = email;
        this.language = lang;
        return this;
    }

    public Delivery content(RenderedMail mail) {
        this.subject = mail.subject();
        this.bodyText = mail.text();
        this.bodyHtml = mail.html();
        return this;
    }
}
