package id.go.kapuaskab.sertel.notification.repository;

import id.go.kapuaskab.sertel.notification.domain.AttemptOutcome;
import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox in the database. Claiming is {@code FOR UPDATE SKIP LOCKED}, so replicas never take the same row; a
 * claim is a lease, so a row whose worker died is taken over after it runs out. Every claim writes an IN_FLIGHT
 * attempt before anything is sent; {@link #finish} completes it only if the lease is still this worker's.
 */
@ApplicationScoped
public class OutboxStore {

    /** A message a worker now owns: everything needed to send it. */
    public record Claimed(UUID id, UUID attemptId, int attempt, String kind, String recipient, String subject, String text,
                          String html, String certificateSerial, Instant createdAt) {
    }

    private static final String CLAIM = """
            UPDATE delivery d SET status = 'SENDING', lease_until = ?, attempts = d.attempts + 1, updated_at = ?
            FROM (SELECT id FROM delivery
                  WHERE (status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ?) OR (status = 'SENDING' AND lease_until < ?)
                  ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) due
            WHERE d.id = due.id
            RETURNING d.id, d.attempts, d.kind, d.recipient_email, d.subject, d.body_text, d.body_html, d.certificate_serial,
                      d.created_at""";

    private static final String ABANDON = """
            UPDATE delivery_attempt SET outcome = 'UNKNOWN', finished_at = ?,
                   detail = 'the worker stopped before recording the answer of the mail server'
            WHERE delivery_id = ANY (?) AND outcome = 'IN_FLIGHT'""";

    private static final String START = """
            INSERT INTO delivery_attempt (id, delivery_id, number, worker, started_at, outcome) VALUES (?, ?, ?, ?, ?, 'IN_FLIGHT')""";

    private static final String FINISH_DELIVERY = """
            UPDATE delivery SET status = ?, updated_at = ?, sent_at = ?, next_attempt_at = ?, lease_until = NULL,
                   last_error = ?, reason = COALESCE(?, reason)
            WHERE id = ? AND status = 'SENDING' AND attempts = ?""";

    private static final String FINISH_ATTEMPT = """
            UPDATE delivery_attempt SET outcome = ?, finished_at = ?, smtp_code = ?, detail = ? WHERE id = ?""";

    private final AgroalDataSource db;

    OutboxStore(AgroalDataSource db) {
        this.db = db;
    }

    /** Takes up to {@code limit} due messages (and those whose lease ran out) for this worker. */
    @Transactional
    public List<Claimed> claim(String worker, Instant now, Duration lease, int limit) {
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setTimestamp(1, DeliveryRows.ts(now.plus(lease)));
                s.setTimestamp(2, DeliveryRows.ts(now));
                s.setTimestamp(3, DeliveryRows.ts(now));
                s.setTimestamp(4, DeliveryRows.ts(now));
                s.setInt(5, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new Claimed((UUID) rs.getObject(1), UUID.randomUUID(), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), DeliveryRows.instant(rs.getTimestamp(9))));
                    }
                }
            }
            if (claimed.isEmpty()) {
                return claimed;
            }
            try (PreparedStatement s = c.prepareStatement(ABANDON)) {
                s.setTimestamp(1, DeliveryRows.ts(now));
                s.setArray(2, c.createArrayOf("uuid", claimed.stream().map(Claimed::id).toArray()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(START)) {
                for (Claimed m : claimed) {
                    s.setObject(1, m.attemptId());
                    s.setObject(2, m.id());
                    s.setInt(3, m.attempt());
                    s.setString(4, worker);
                    s.setTimestamp(5, DeliveryRows.ts(now));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim from the outbox", e);
        }
    }

    /**
     * Records how an attempt ended. Returns false when the lease was lost meanwhile (another worker took the message
     * over); the attempt row is completed all the same, so the log shows what really happened.
     */
    @Transactional
    public boolean finish(Claimed m, DeliveryStatus status, AttemptOutcome outcome, Instant now, Instant nextAttempt,
                          Integer smtpCode, String detail, String reason) {
        try (Connection c = db.getConnection()) {
            int updated;
            try (PreparedStatement s = c.prepareStatement(FINISH_DELIVERY)) {
                s.setString(1, status.name());
                s.setTimestamp(2, DeliveryRows.ts(now));
                s.setTimestamp(3, status == DeliveryStatus.SENT ? DeliveryRows.ts(now) : null);
                s.setTimestamp(4, DeliveryRows.ts(nextAttempt));
                s.setString(5, outcome == AttemptOutcome.SENT || outcome == AttemptOutcome.SKIPPED ? null : clip(detail));
                s.setString(6, reason);
                s.setObject(7, m.id());
                s.setInt(8, m.attempt());
                updated = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(FINISH_ATTEMPT)) {
                s.setString(1, outcome.name());
                s.setTimestamp(2, DeliveryRows.ts(now));
                s.setObject(3, smtpCode, java.sql.Types.INTEGER);
                s.setString(4, clip(detail));
                s.setObject(5, m.attemptId());
                s.executeUpdate();
            }
            return updated == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the attempt of " + m.id(), e);
        }
    }

    /** Adds a message to the outbox (or the log, when it is SKIPPED); false when its dedup key exists already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(Delivery d) {
        try (Connection c = db.getConnection()) {
            return DeliveryRows.insert(c, d);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot add a delivery", e);
        }
    }

    /** The due moment of the oldest reminder that is still waiting to be sent. */
    @Transactional
    public Optional<Instant> oldestWaitingReminderDue() {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT min(due_at) FROM delivery WHERE kind = 'EXPIRY_REMINDER' AND status IN ('PENDING', 'RETRYING', 'SENDING')""");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return Optional.ofNullable(DeliveryRows.instant(rs.getTimestamp(1)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox lag", e);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
