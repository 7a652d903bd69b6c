package id.go.kapuaskab.sertel.renewal.repository;

import id.go.kapuaskab.sertel.renewal.domain.OutboxKind;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox table. Scheduling uses the database's clock ({@code now()}), so all replicas agree on what is due;
 * claims use {@code FOR UPDATE SKIP LOCKED} and a lease, so replicas never work on one entry at once and a crashed
 * replica's claims are taken over when the lease runs out.
 */
@ApplicationScoped
public class OutboxRepository {

    /** An entry claimed for one attempt. */
    public record Claimed(UUID id, OutboxKind kind, UUID requestId, String payload, int attempts) {
    }

    /** The open entry of a request, as admins see it. */
    public record Pending(UUID id, OutboxKind kind, int attempts, String lastError, Instant lastAttemptAt,
                          Instant nextAttemptAt, Instant gaveUpAt) {
    }

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    public void insert(UUID id, OutboxKind kind, UUID requestId, String payload) {
        em().createNativeQuery("INSERT INTO outbox (id, kind, request_id, payload) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, kind.name()).setParameter(3, requestId).setParameter(4, payload)
                .executeUpdate();
    }

    /** Claims up to {@code limit} due entries for the length of the lease, counting the attempt. */
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(int limit, Duration lease, boolean includeEvents) {
        List<Object[]> rows = em().createNativeQuery("""
                UPDATE outbox o SET locked_until = now() + make_interval(secs => ?1), attempts = o.attempts + 1,
                       last_attempt_at = now()
                FROM (SELECT id FROM outbox
                      WHERE done_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= now()
                        AND (locked_until IS NULL OR locked_until < now()) AND (?2 OR kind <> 'EVENT')
                      ORDER BY next_attempt_at LIMIT ?3 FOR UPDATE SKIP LOCKED) due
                WHERE o.id = due.id
                RETURNING o.id, o.kind, o.request_id, o.payload, o.attempts""")
                .setParameter(1, (double) lease.toMillis() / 1000.0).setParameter(2, includeEvents).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new Claimed((UUID) r[0], OutboxKind.valueOf((String) r[1]), (UUID) r[2], (String) r[3],
                ((Number) r[4]).intValue())).toList();
    }

    public void done(UUID id) {
        em().createNativeQuery("UPDATE outbox SET done_at = now(), locked_until = NULL WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /** A failed attempt: try again after {@code wait}. */
    public void failed(UUID id, String error, Duration wait) {
        em().createNativeQuery("""
                UPDATE outbox SET last_error = ?2, locked_until = NULL, next_attempt_at = now() + make_interval(secs => ?3)
                WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, truncate(error)).setParameter(3, (double) wait.toMillis() / 1000.0)
                .executeUpdate();
    }

    /** A refusal that repeating cannot change: kept, with its error, for an admin to look at. */
    public void gaveUp(UUID id, String error) {
        em().createNativeQuery("UPDATE outbox SET last_error = ?2, locked_until = NULL, gave_up_at = now() WHERE id = ?1")
                .setParameter(1, id).setParameter(2, truncate(error)).executeUpdate();
    }

    /** Makes a request's given-up or waiting CA entry due now; true when there was one. */
    public boolean retryNow(UUID requestId) {
        return em().createNativeQuery("""
                UPDATE outbox SET gave_up_at = NULL, next_attempt_at = now(), locked_until = NULL
                WHERE request_id = ?1 AND kind <> 'EVENT' AND done_at IS NULL""")
                .setParameter(1, requestId).executeUpdate() > 0;
    }

    /** The open CA entry of a request (issue or revoke), if any. */
    @SuppressWarnings("unchecked")
    public Optional<Pending> pendingCaWork(UUID requestId) {
        List<Object[]> rows = em().createNativeQuery("""
                SELECT id, kind, attempts, last_error, last_attempt_at, next_attempt_at, gave_up_at FROM outbox
                WHERE request_id = ?1 AND kind <> 'EVENT' AND done_at IS NULL ORDER BY created_at DESC LIMIT 1""")
                .setParameter(1, requestId).getResultList();
        return rows.stream().findFirst().map(r -> new Pending((UUID) r[0], OutboxKind.valueOf((String) r[1]),
                ((Number) r[2]).intValue(), (String) r[3], instant(r[4]), instant(r[5]), instant(r[6])));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected time type " + value.getClass());
    }

    private static String truncate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() > 1000 ? error.substring(0, 1000) : error;
    }
}
