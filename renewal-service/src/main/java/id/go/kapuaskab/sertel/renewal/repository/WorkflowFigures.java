package id.go.kapuaskab.sertel.renewal.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The few grouped queries the workflow's gauges are refreshed from: one round trip each, whatever the number of requests. */
@ApplicationScoped
public class WorkflowFigures {

    /** Requests waiting for a verifier in one institution and state, and the oldest submission among them. */
    public record Queue(String institution, String state, long count, Instant oldestSubmittedAt) {
    }

    /** Requests handed to the CA: how many, how many longer than the threshold, since when the oldest. */
    public record Issuing(long count, long stuck, Instant oldestSince) {
    }

    private final EntityManager em;

    WorkflowFigures(EntityManager em) {
        this.em = em;
    }

    /** The review queue by institution (its code as of submission, else its id) and state (SUBMITTED, IN_REVIEW). */
    @SuppressWarnings("unchecked")
    public List<Queue> queue() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT COALESCE(snap_institution_code, institution_id::text), state, count(*), min(submitted_at)
                FROM request WHERE state IN ('SUBMITTED', 'IN_REVIEW') GROUP BY 1, 2""").getResultList();
        List<Queue> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Queue((String) r[0], (String) r[1], ((Number) r[2]).longValue(), instant(r[3])));
        }
        return out;
    }

    /** Requests in ISSUING; {@code stuck} counts those in it since before {@code threshold}. */
    public Issuing issuing(Instant threshold) {
        Object[] r = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE updated_at < ?1), min(updated_at) FROM request WHERE state = 'ISSUING'""")
                .setParameter(1, OffsetDateTime.ofInstant(threshold, ZoneOffset.UTC)).getSingleResult();
        return new Issuing(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), instant(r[2]));
    }

    /** The certificates an open RENEWAL request is renewing. */
    @SuppressWarnings("unchecked")
    public Set<String> openRenewals() {
        return new HashSet<>(em.createNativeQuery("""
                SELECT certificate_serial FROM request WHERE type = 'RENEWAL' AND certificate_serial IS NOT NULL
                AND state NOT IN ('REJECTED', 'COMPLETED', 'CANCELLED')""").getResultList());
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
        return ((java.sql.Timestamp) value).toInstant();
    }
}
