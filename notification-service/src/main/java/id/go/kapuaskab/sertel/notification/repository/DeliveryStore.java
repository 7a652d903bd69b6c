package id.go.kapuaskab.sertel.notification.repository;

import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery log's writes and the hand-over to the outbox: a message to send is logged and enqueued (topic
 * {@value #MAIL_TOPIC}, item id = delivery id) in one transaction, so it is sent at least once or not logged at all.
 */
@ApplicationScoped
public class DeliveryStore {

    public static final String MAIL_TOPIC = "mail";

    /** What sending a message needs, read when its outbox item comes up. */
    public record Sendable(UUID id, String kind, DeliveryStatus status, String recipient, String subject, String text, String html,
                           String certificateSerial, Instant createdAt) {
    }

    private static final String RECORD = """
            UPDATE delivery SET status = ?, attempts = ?, next_attempt_at = ?, sent_at = COALESCE(?, sent_at), last_error = ?,
                   reason = COALESCE(?, reason), updated_at = ?
            WHERE id = ?""";

    private final AgroalDataSource db;
    private final Outbox outbox;

    DeliveryStore(AgroalDataSource db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    /** Logs the message, and enqueues it when it is to be sent; false when its dedup key was logged before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(Delivery d) {
        try (Connection c = db.getConnection()) {
            if (!DeliveryRows.insert(c, d)) {
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot add a delivery", e);
        }
        if (d.status == DeliveryStatus.PENDING) {
            outbox.enqueue(Outbox.item(MAIL_TOPIC).id(d.id).about(d.id.toString()));
        }
        return true;
    }

    @Transactional
    public Optional<Sendable> sendable(UUID id) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT kind, status, recipient_email, subject, body_text, body_html, certificate_serial, created_at
                FROM delivery WHERE id = ?""")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Sendable(id, rs.getString(1), DeliveryStatus.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), DeliveryRows.instant(rs.getTimestamp(8))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read delivery " + id, e);
        }
    }

    /** Where a message stands after an attempt, in the transaction that records the attempt. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID id, DeliveryStatus status, int attempts, Instant nextAttempt, Instant sentAt, String error, String reason,
                       Instant now) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(RECORD)) {
            s.setString(1, status.name());
            s.setInt(2, attempts);
            s.setTimestamp(3, DeliveryRows.ts(nextAttempt));
            s.setTimestamp(4, DeliveryRows.ts(sentAt));
            s.setString(5, clip(error));
            s.setString(6, reason);
            s.setTimestamp(7, DeliveryRows.ts(now));
            s.setObject(8, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the outcome of delivery " + id, e);
        }
    }

    /** Removes the body of a message whose attempts are over (it held a one-time link); it cannot be resent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetContent(UUID id) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE delivery SET body_text = NULL, body_html = NULL WHERE id = ?")) {
            s.setObject(1, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear delivery " + id, e);
        }
    }

    /** The due moment of the oldest reminder that is still waiting to be sent. */
    @Transactional
    public Optional<Instant> oldestWaitingReminderDue() {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT min(due_at) FROM delivery WHERE kind = 'EXPIRY_REMINDER' AND status IN ('PENDING', 'RETRYING')""");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return Optional.ofNullable(DeliveryRows.instant(rs.getTimestamp(1)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the reminder lag", e);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
