package id.go.kapuaskab.sertel.notification.repository;

import id.go.kapuaskab.sertel.notification.domain.Delivery;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The reminder ledger: one row per (certificate, threshold), inserted in the same transaction as the message it
 * decides. Its primary key is the exactly-once guarantee: of two replicas deciding the same reminder at the same
 * moment, one insert wins and the other does nothing, so only one message enters the outbox.
 */
@ApplicationScoped
public class ReminderLedger {

    /** One decision: the ledger row and the message (PENDING to send, or SKIPPED to log). */
    public record Decision(String serial, int thresholdDays, UUID holderId, Instant notAfter, Instant dueAt, String outcome,
                           String reason, Delivery delivery) {
    }

    /** A reminder sent for a certificate: its threshold and when the mail left (SOP step 1 of the renewal timeline). */
    public record Sent(int thresholdDays, Instant sentAt) {
    }

    /** A certificate the ledger already knows, from an earlier threshold. */
    public record Known(String serial, UUID holderId, Instant notAfter) {
    }

    private static final String INSERT = """
            INSERT INTO reminder_ledger (certificate_serial, threshold_days, holder_id, not_after, due_at, outcome, reason,
                                         delivery_id, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    private final AgroalDataSource db;

    private final DeliveryStore deliveries;

    ReminderLedger(AgroalDataSource db, DeliveryStore deliveries) {
        this.db = db;
        this.deliveries = deliveries;
    }

    /** The reminders of one certificate that really went out, earliest first. */
    @Transactional
    public List<Sent> sent(String serial) {
        List<Sent> sent = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT l.threshold_days, d.sent_at FROM reminder_ledger l JOIN delivery d ON d.id = l.delivery_id
                 WHERE l.certificate_serial = ? AND d.status = 'SENT' AND d.sent_at IS NOT NULL ORDER BY d.sent_at""")) {
            s.setString(1, serial);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sent.add(new Sent(rs.getInt(1), rs.getTimestamp(2).toInstant()));
                }
            }
            return sent;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the reminder ledger", e);
        }
    }

    /** Which of these certificates already have a decision for this threshold. */
    @Transactional
    public Set<String> decided(int thresholdDays, Collection<String> serials) {
        Set<String> decided = new HashSet<>();
        if (serials.isEmpty()) {
            return decided;
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT certificate_serial FROM reminder_ledger WHERE threshold_days = ? AND certificate_serial = ANY (?)")) {
            s.setInt(1, thresholdDays);
            s.setArray(2, c.createArrayOf("varchar", serials.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    decided.add(rs.getString(1));
                }
            }
            return decided;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the reminder ledger", e);
        }
    }

    /**
     * Records the decisions in one transaction; returns those this call won (the others were decided meanwhile by
     * another run or replica, and their messages are not added).
     */
    @Transactional
    public List<Decision> record(List<Decision> decisions, Instant now) {
        List<Decision> won = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            for (Decision d : decisions) {
                s.setString(1, d.serial());
                s.setInt(2, d.thresholdDays());
                s.setObject(3, d.holderId());
                s.setTimestamp(4, DeliveryRows.ts(d.notAfter()));
                s.setTimestamp(5, DeliveryRows.ts(d.dueAt()));
                s.setString(6, d.outcome());
                s.setString(7, d.reason());
                s.setObject(8, d.delivery().id);
                s.setTimestamp(9, DeliveryRows.ts(now));
                if (s.executeUpdate() == 1 && deliveries.add(d.delivery())) {
                    won.add(d);
                }
            }
            return won;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record reminder decisions", e);
        }
    }

    /**
     * Certificates reminded at an earlier threshold whose expiry lies in {@code [from, to)} and that have no decision
     * for this threshold yet, leaving out those already found renewed or revoked: candidates for a recorded skip
     * when the expiring view no longer lists them.
     */
    @Transactional
    public List<Known> knownWithout(int thresholdDays, Instant from, Instant to) {
        List<Known> known = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT DISTINCT l.certificate_serial, l.holder_id, l.not_after FROM reminder_ledger l
                WHERE l.not_after >= ? AND l.not_after < ?
                  AND NOT EXISTS (SELECT 1 FROM reminder_ledger x WHERE x.certificate_serial = l.certificate_serial
                                  AND (x.threshold_days = ? OR x.reason IN ('SUPERSEDED', 'RENEWED', 'REVOKED', 'CERTIFICATE_UNKNOWN')))
                ORDER BY l.not_after, l.certificate_serial""")) {
            s.setTimestamp(1, DeliveryRows.ts(from));
            s.setTimestamp(2, DeliveryRows.ts(to));
            s.setInt(3, thresholdDays);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    known.add(new Known(rs.getString(1), (UUID) rs.getObject(2), DeliveryRows.instant(rs.getTimestamp(3))));
                }
            }
            return known;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the reminder ledger", e);
        }
    }
}
