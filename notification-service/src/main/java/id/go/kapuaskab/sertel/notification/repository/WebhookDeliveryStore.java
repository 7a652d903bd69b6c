package id.go.kapuaskab.sertel.notification.repository;

import id.go.kapuaskab.sertel.notification.domain.WebhookDelivery;
import id.go.kapuaskab.sertel.notification.domain.WebhookDelivery.Status;
import id.go.kapuaskab.sertel.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook delivery log and its hand-over to the outbox: a delivery is logged and enqueued (topic
 * {@value #TOPIC}, item id = delivery id, ordered by subscription and subject) in one transaction, so it is
 * attempted at least once or not logged at all, and the events of one subject reach one subscription in order.
 */
@ApplicationScoped
public class WebhookDeliveryStore {

    public static final String TOPIC = "webhook";

    /** What an attempt needs: the delivery and the exact body of its event. */
    public record Work(WebhookDelivery delivery, String body) {
    }

    /** One page of a subscription's deliveries, newest first. */
    public record Page(List<WebhookDelivery> items, long total) {
    }

    private static final String COLUMNS = """
            d.id, d.subscription_id, d.event_id, d.event_type, d.subject, d.occurred_at, d.status, d.attempts, d.last_status_code,
            d.last_error, d.next_attempt_at, d.delivered_at, d.redelivery_of, d.created_at""";

    private final AgroalDataSource db;
    private final Outbox outbox;

    WebhookDeliveryStore(AgroalDataSource db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(WebhookDelivery d) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, subject, occurred_at, status, attempts,
                                              next_attempt_at, redelivery_of, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)""")) {
            s.setObject(1, d.id());
            s.setObject(2, d.subscriptionId());
            s.setObject(3, d.eventId());
            s.setString(4, d.eventType());
            s.setString(5, d.subject());
            s.setObject(6, Rows.odt(d.occurredAt()));
            s.setObject(7, Rows.odt(d.createdAt()));
            s.setObject(8, d.redeliveryOf(), Types.OTHER);
            s.setObject(9, Rows.odt(d.createdAt()));
            s.setObject(10, Rows.odt(d.createdAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot log webhook delivery " + d.id(), e);
        }
        outbox.enqueue(Outbox.item(TOPIC).id(d.id()).about(d.id().toString())
                .orderedBy("webhook:" + d.subscriptionId() + ":" + d.subject()));
    }

    @Transactional
    public Optional<Work> work(UUID id) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + ", e.body FROM webhook_delivery d JOIN integration_event e ON e.event_id = d.event_id WHERE d.id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Work(row(rs), rs.getString(15))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read webhook delivery " + id, e);
        }
    }

    /** Where a delivery stands after an attempt, in the transaction that records the attempt. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID id, Status status, int attempts, Integer statusCode, String error, Instant nextAttempt,
                       Instant deliveredAt, Instant now) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE webhook_delivery SET status = ?, attempts = ?, last_status_code = COALESCE(?, last_status_code), last_error = ?,
                       next_attempt_at = ?, delivered_at = COALESCE(?, delivered_at), updated_at = ? WHERE id = ?""")) {
            s.setString(1, status.name());
            s.setInt(2, attempts);
            s.setObject(3, statusCode, Types.INTEGER);
            s.setString(4, error == null || error.length() <= 500 ? error : error.substring(0, 500));
            s.setObject(5, Rows.odt(nextAttempt));
            s.setObject(6, Rows.odt(deliveredAt));
            s.setObject(7, Rows.odt(now));
            s.setObject(8, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record webhook delivery " + id, e);
        }
    }

    @Transactional
    public Optional<WebhookDelivery> find(UUID subscriptionId, UUID id) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM webhook_delivery d WHERE d.subscription_id = ? AND d.id = ?")) {
            s.setObject(1, subscriptionId);
            s.setObject(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read webhook delivery " + id, e);
        }
    }

    @Transactional
    public Page page(UUID subscriptionId, Optional<Status> status, int offset, int limit) {
        String filter = " WHERE d.subscription_id = ?" + (status.isPresent() ? " AND d.status = ?" : "");
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM webhook_delivery d" + filter
                     + " ORDER BY d.created_at DESC, d.id DESC OFFSET ? LIMIT ?");
             PreparedStatement n = c.prepareStatement("SELECT count(*) FROM webhook_delivery d" + filter)) {
            int i = bindFilter(s, subscriptionId, status);
            s.setInt(i++, offset);
            s.setInt(i, limit);
            bindFilter(n, subscriptionId, status);
            List<WebhookDelivery> items = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(row(rs));
                }
            }
            try (ResultSet rs = n.executeQuery()) {
                rs.next();
                return new Page(items, rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the webhook deliveries of " + subscriptionId, e);
        }
    }

    private static int bindFilter(PreparedStatement s, UUID subscriptionId, Optional<Status> status) throws SQLException {
        s.setObject(1, subscriptionId);
        if (status.isPresent()) {
            s.setString(2, status.get().name());
            return 3;
        }
        return 2;
    }

    private static WebhookDelivery row(ResultSet rs) throws SQLException {
        Integer code = rs.getObject(9) == null ? null : rs.getInt(9);
        return new WebhookDelivery((UUID) rs.getObject(1), (UUID) rs.getObject(2), (UUID) rs.getObject(3), rs.getString(4),
                rs.getString(5), Rows.instant(rs, 6), Status.valueOf(rs.getString(7)), rs.getInt(8), code, rs.getString(10),
                Rows.instant(rs, 11), Rows.instant(rs, 12), (UUID) rs.getObject(13), Rows.instant(rs, 14));
    }
}
