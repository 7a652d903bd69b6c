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
import java.util.List;
import java.util.UUID;

/** Workflow events already handled, and the messages they caused, written together: an event is handled once. */
@ApplicationScoped
public class InboundEvents {

    private final AgroalDataSource db;

    private final DeliveryStore deliveries;

    InboundEvents(AgroalDataSource db, DeliveryStore deliveries) {
        this.db = db;
        this.deliveries = deliveries;
    }

    @Transactional
    public boolean seen(UUID eventId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT 1 FROM inbound_event WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read handled events", e);
        }
    }

    /** Records the event and its messages; false (and nothing written) when the event was handled meanwhile. */
    @Transactional
    public boolean record(UUID eventId, String type, UUID requestId, Instant now, List<Delivery> messages) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO inbound_event (event_id, type, request_id, received_at, deliveries) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""")) {
                s.setObject(1, eventId);
                s.setString(2, type);
                s.setObject(3, requestId);
                s.setTimestamp(4, DeliveryRows.ts(now));
                s.setInt(5, messages.size());
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            for (Delivery d : messages) {
                deliveries.add(d);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record event " + eventId, e);
        }
    }
}
