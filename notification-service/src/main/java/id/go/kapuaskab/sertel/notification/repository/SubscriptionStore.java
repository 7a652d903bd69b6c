package id.go.kapuaskab.sertel.notification.repository;

import id.go.kapuaskab.sertel.notification.domain.EventType;
import id.go.kapuaskab.sertel.notification.domain.Subscription;
import id.go.kapuaskab.sertel.notification.domain.Subscription.OwnerKind;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The webhook subscriptions. Plain JDBC for the arrays (event types, institutions) and for the conditional updates
 * that make a disabling happen once: of two deliveries failing at once, one disables the subscription and mails
 * its owner.
 */
@ApplicationScoped
public class SubscriptionStore {

    private static final String COLUMNS = """
            id, owner_subject, owner_kind, url, description, event_types, contact_email, language, institutions, enabled,
            disabled_reason, disabled_at, secret, previous_secret, previous_secret_until, failing_since, created_at, updated_at""";

    private final AgroalDataSource db;

    SubscriptionStore(AgroalDataSource db) {
        this.db = db;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(Subscription s) {
        run("""
                INSERT INTO webhook_subscription (%s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(COLUMNS),
                (c, st) -> {
                    bind(c, st, s);
                    st.executeUpdate();
                    return null;
                });
    }

    /** Writes everything but the id, the owner and the creation time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(Subscription s) {
        run("""
                UPDATE webhook_subscription SET url = ?, description = ?, event_types = ?, contact_email = ?, language = ?,
                       institutions = ?, enabled = ?, disabled_reason = ?, disabled_at = ?, secret = ?, previous_secret = ?,
                       previous_secret_until = ?, failing_since = ?, updated_at = ? WHERE id = ?""", (c, st) -> {
            int i = 1;
            st.setString(i++, s.url());
            st.setString(i++, s.description());
            st.setArray(i++, types(c, s.eventTypes()));
            st.setString(i++, s.contactEmail());
            st.setString(i++, s.language());
            st.setArray(i++, institutions(c, s.institutions()));
            st.setBoolean(i++, s.enabled());
            st.setString(i++, s.disabledReason());
            st.setObject(i++, Rows.odt(s.disabledAt()));
            st.setBytes(i++, s.secret());
            st.setBytes(i++, s.previousSecret());
            st.setObject(i++, Rows.odt(s.previousSecretUntil()));
            st.setObject(i++, Rows.odt(s.failingSince()));
            st.setObject(i++, Rows.odt(s.updatedAt()));
            st.setObject(i, s.id());
            st.executeUpdate();
            return null;
        });
    }

    @Transactional
    public Optional<Subscription> find(UUID id) {
        return run("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = ?", (c, st) -> {
            st.setObject(1, id);
            List<Subscription> found = read(st);
            return found.stream().findFirst();
        });
    }

    /** For an update: the row, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Subscription> findForUpdate(UUID id) {
        return run("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = ? FOR UPDATE", (c, st) -> {
            st.setObject(1, id);
            return read(st).stream().findFirst();
        });
    }

    /** One owner's subscriptions, or everyone's when {@code owner} is empty; oldest first. */
    @Transactional
    public List<Subscription> list(Optional<String> owner) {
        String where = owner.isPresent() ? " WHERE owner_subject = ?" : "";
        return run("SELECT " + COLUMNS + " FROM webhook_subscription" + where + " ORDER BY created_at, id", (c, st) -> {
            if (owner.isPresent()) {
                st.setString(1, owner.get());
            }
            return read(st);
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long countOwnedBy(String owner) {
        return run("SELECT count(*) FROM webhook_subscription WHERE owner_subject = ?", (c, st) -> {
            st.setString(1, owner);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(UUID id) {
        return run("DELETE FROM webhook_subscription WHERE id = ?", (c, st) -> {
            st.setObject(1, id);
            return st.executeUpdate() == 1;
        });
    }

    /** The enabled subscriptions of this event type that may see this institution: the receivers of an event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Subscription> receivers(EventType type, UUID institutionId) {
        return run("SELECT " + COLUMNS + " FROM webhook_subscription WHERE enabled AND event_types @> ARRAY[?]::varchar[]"
                + " AND (owner_kind = 'ADMIN' OR ? = ANY (institutions)) ORDER BY created_at, id", (c, st) -> {
            st.setString(1, type.wire());
            st.setObject(2, institutionId);
            return read(st);
        });
    }

    /** Disables an enabled subscription; false when it was disabled already (so only one caller acts on it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean disable(UUID id, String reason, Instant now) {
        return run("""
                UPDATE webhook_subscription SET enabled = false, disabled_reason = ?, disabled_at = ?, updated_at = ?
                WHERE id = ? AND enabled""", (c, st) -> {
            st.setString(1, reason);
            st.setObject(2, Rows.odt(now));
            st.setObject(3, Rows.odt(now));
            st.setObject(4, id);
            return st.executeUpdate() == 1;
        });
    }

    /** Notes a failed delivery; answers since when the subscription has been failing without a success. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> failing(UUID id, Instant now) {
        return run("UPDATE webhook_subscription SET failing_since = COALESCE(failing_since, ?) WHERE id = ? RETURNING failing_since",
                (c, st) -> {
                    st.setObject(1, Rows.odt(now));
                    st.setObject(2, id);
                    try (ResultSet rs = st.executeQuery()) {
                        return rs.next() ? Optional.ofNullable(Rows.instant(rs, 1)) : Optional.empty();
                    }
                });
    }

    /** A delivery succeeded: the subscription is no longer failing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(UUID id) {
        run("UPDATE webhook_subscription SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL", (c, st) -> {
            st.setObject(1, id);
            return st.executeUpdate();
        });
    }

    @Transactional
    public long countDisabled() {
        return run("SELECT count(*) FROM webhook_subscription WHERE NOT enabled", (c, st) -> {
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void bind(Connection c, PreparedStatement st, Subscription s) throws SQLException {
        int i = 1;
        st.setObject(i++, s.id());
        st.setString(i++, s.ownerSubject());
        st.setString(i++, s.ownerKind().name());
        st.setString(i++, s.url());
        st.setString(i++, s.description());
        st.setArray(i++, types(c, s.eventTypes()));
        st.setString(i++, s.contactEmail());
        st.setString(i++, s.language());
        st.setArray(i++, institutions(c, s.institutions()));
        st.setBoolean(i++, s.enabled());
        st.setString(i++, s.disabledReason());
        st.setObject(i++, Rows.odt(s.disabledAt()));
        st.setBytes(i++, s.secret());
        st.setBytes(i++, s.previousSecret());
        st.setObject(i++, Rows.odt(s.previousSecretUntil()));
        st.setObject(i++, Rows.odt(s.failingSince()));
        st.setObject(i++, Rows.odt(s.createdAt()));
        st.setObject(i, Rows.odt(s.updatedAt()));
    }

    private static List<Subscription> read(PreparedStatement st) throws SQLException {
        List<Subscription> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Set<EventType> types = new LinkedHashSet<>();
                for (String t : (String[]) rs.getArray(6).getArray()) {
                    EventType.of(t).ifPresent(types::add);
                }
                Set<UUID> institutions = new LinkedHashSet<>(Arrays.asList((UUID[]) rs.getArray(9).getArray()));
                out.add(new Subscription((UUID) rs.getObject(1), rs.getString(2), OwnerKind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), types, rs.getString(7), rs.getString(8), institutions, rs.getBoolean(10), rs.getString(11),
                        Rows.instant(rs, 12), rs.getBytes(13), rs.getBytes(14), Rows.instant(rs, 15), Rows.instant(rs, 16),
                        Rows.instant(rs, 17), Rows.instant(rs, 18)));
            }
        }
        return out;
    }

    private static Array types(Connection c, Set<EventType> types) throws SQLException {
        return c.createArrayOf("varchar", types.stream().map(EventType::wire).sorted().toArray());
    }

    private static Array institutions(Connection c, Set<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }

    private <T> T run(String sql, Rows.Statement<T> body) {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            return body.run(c, st);
        } catch (SQLException e) {
            throw new IllegalStateException("Webhook subscriptions: " + e.getMessage(), e);
        }
    }
}
