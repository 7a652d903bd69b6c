package id.go.kapuaskab.sertel.notification.rest;

import id.go.kapuaskab.sertel.notification.domain.AttemptOutcome;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.service.DeliveryLog;
import id.go.kapuaskab.sertel.outbox.Outbox;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON of the delivery log. */
final class NotificationViews {

    private NotificationViews() {
    }

    @Schema(name = "Notification", description = "One message of the delivery log, with every attempt to send it.")
    record NotificationView(UUID id,
                            @Schema(description = "EXPIRY_REMINDER, REQUEST_SUBMITTED, REQUEST_RETURNED, REQUEST_REJECTED, REQUEST_APPROVED, "
                                    + "REQUEST_COMPLETED or EMAIL_VERIFICATION") String kind,
                            String recipientEmail, String language, String subject, DeliveryStatus status, int attempts,
                            String certificateSerial,
                            @Schema(description = "For a reminder: days before the expiry date (0 = the day of expiry)") Integer thresholdDays,
                            UUID requestId,
                            @Schema(description = "Why it was skipped: SUPERSEDED, RENEWED, REVOKED, SUSPENDED, HOLDER_UNKNOWN, …") String reason,
                            @Schema(description = "The last failure, when it failed or waits for a retry") String lastError,
                            @Schema(description = "The message this one is a resend of") UUID resendOf,
                            OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt,
                            List<AttemptView> attemptLog) {
        static NotificationView of(DeliveryLog.Entry e) {
            var d = e.delivery();
            return new NotificationView(d.id, d.kind, d.recipientEmail, d.language, d.subject, d.status, d.attempts, d.certificateSerial,
                    d.thresholdDays, d.requestId, d.reason, d.lastError, d.resendOf, time(d.createdAt),
                    d.status == DeliveryStatus.PENDING || d.status == DeliveryStatus.RETRYING ? time(d.nextAttemptAt) : null,
                    time(d.sentAt), e.attempts().stream().map(AttemptView::of).toList());
        }
    }

    @Schema(name = "NotificationAttempt", description = "One attempt to hand the message to the mail server.")
    record AttemptView(int number, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                       @Schema(description = "SENT, TRANSIENT (retried, or given up after the last attempt), PERMANENT (given up), "
                               + "SKIPPED, UNKNOWN (the worker stopped before the answer was recorded)") AttemptOutcome outcome,
                       @Schema(description = "SMTP reply code, when the server answered") Integer smtpCode, String detail) {
        static AttemptView of(Outbox.Attempt a) {
            return new AttemptView(a.number(), time(a.startedAt()), time(a.finishedAt()), AttemptOutcome.of(a.outcome(), a.code()),
                    AttemptOutcome.smtpCode(a.code()), a.detail());
        }
    }

    record NotificationPage(List<NotificationView> items, int offset, int limit, long total) {
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
