package id.go.kapuaskab.sertel.applicant.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Failed-login counters per user name; updated with single atomic statements so concurrent failures all count. */
@ApplicationScoped
public class LoginAttemptRepository {

    private final EntityManager em;

    LoginAttemptRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Instant> lockedUntil(String username) {
        List<?> rows = em.createNativeQuery("SELECT locked_until FROM login_attempt WHERE username = ?1 AND locked_until IS NOT NULL")
                .setParameter(1, username)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(toInstant(rows.get(0)));
    }

    /** Counts one more failure and returns the new number of failures in a row. */
    public int recordFailure(String username, Instant now) {
        Object failures = em.createNativeQuery("""
                INSERT INTO login_attempt (username, failures, last_failure_at) VALUES (?1, 1, ?2)
                ON CONFLICT (username) DO UPDATE SET failures = login_attempt.failures + 1, last_failure_at = ?2
                RETURNING failures""")
                .setParameter(1, username)
                .setParameter(2, Timestamp.from(now))
                .getSingleResult();
        return ((Number) failures).intValue();
    }

    public void lockUntil(String username, Instant until) {
        em.createNativeQuery("UPDATE login_attempt SET locked_until = ?2 WHERE username = ?1")
                .setParameter(1, username)
                .setParameter(2, Timestamp.from(until))
                .executeUpdate();
    }

    public void clear(String username) {
        em.createNativeQuery("DELETE FROM login_attempt WHERE username = ?1").setParameter(1, username).executeUpdate();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
