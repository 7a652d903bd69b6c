package id.go.kapuaskab.sertel.notification.repository;

import id.go.kapuaskab.sertel.notification.domain.IntegrationEvent;
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
 * Integration events received, each once (the event id is the key: emitters deliver at least once), with the body
 * every subscription receives, byte for byte, on every attempt and every redelivery.
 */
@ApplicationScoped
public class IntegrationEventStore {

    private final AgroalDataSource db;

    IntegrationEventStore(AgroalDataSource db) {
        this.db = db;
    }

    /** Records the event; false (nothing written) when an event with this id was recorded before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insert(IntegrationEvent e, String body, String source, Instant now) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO integration_event (event_id, type, subject, institution_id, occurred_at, received_at, source, body, deliveries)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (event_id) DO NOTHING""")) {
            s.setObject(1, e.eventId());
            s.setString(2, e.type().wire());
            s.setString(3, e.subject());
            s.setObject(4, e.institutionId());
            s.setObject(5, Rows.odt(e.occurredAt()));
            s.setObject(6, Rows.odt(now));
            s.setString(7, source);
            s.setString(8, body);
            return s.executeUpdate() == 1;
        } catch (SQLException x) {
            throw new IllegalStateException("Cannot record integration event " + e.eventId(), x);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deliveries(UUID eventId, int count) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE integration_event SET deliveries = ? WHERE event_id = ?")) {
            s.setInt(1, count);
            s.setObject(2, eventId);
            s.executeUpdate();
        } catch (SQLException x) {
            throw new IllegalStateException("Cannot record integration event " + eventId, x);
        }
    }

    /** How many deliveries an event caused when it was received; empty when it is unknown. */
    @Transactional
    public Optional<Integer> deliveriesOf(UUID eventId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT deliveries FROM integration_event WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        } catch (SQLException x) {
            throw new IllegalStateException("Cannot read integration event " + eventId, x);
        }
    }
}
