package id.go.kapuaskab.sertel.notification.repository;

import id.go.kapuaskab.sertel.notification.domain.Delivery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.UUID;

/** The one INSERT of a delivery, in plain JDBC so it can be batched and combined with ON CONFLICT. */
final class DeliveryRows {

    private static final String INSERT = """
            INSERT INTO delivery (id, kind, dedup_key, recipient_account_id, recipient_email, language, subject, body_text,
                                  body_html, status, attempts, certificate_serial, threshold_days, due_at, request_id, event_id,
                                  resend_of, next_attempt_at, reason, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (dedup_key) DO NOTHING""";

    private DeliveryRows() {
    }

    /** Inserts the delivery; false when one with the same dedup key already exists. */
    static boolean insert(Connection c, Delivery d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            int i = 1;
            s.setObject(i++, d.id);
            s.setString(i++, d.kind);
            s.setString(i++, d.dedupKey);
            s.setObject(i++, d.recipientAccountId, Types.OTHER);
            s.setString(i++, d.recipientEmail);
            s.setString(i++, d.language);
            s.setString(i++, d.subject);
            s.setString(i++, d.bodyText);
            s.setString(i++, d.bodyHtml);
            s.setString(i++, d.status.name());
            s.setString(i++, d.certificateSerial);
            s.setObject(i++, d.thresholdDays, Types.INTEGER);
            s.setTimestamp(i++, ts(d.dueAt));
            s.setObject(i++, d.requestId, Types.OTHER);
            s.setObject(i++, d.eventId, Types.OTHER);
            s.setObject(i++, d.resendOf, Types.OTHER);
            s.setTimestamp(i++, ts(d.nextAttemptAt));
            s.setString(i++, d.reason);
            s.setTimestamp(i++, ts(d.createdAt));
            s.setTimestamp(i, ts(d.updatedAt));
            return s.executeUpdate() == 1;
        }
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static UUID uuid(Object value) {
        return value == null ? null : (UUID) value;
    }
}
