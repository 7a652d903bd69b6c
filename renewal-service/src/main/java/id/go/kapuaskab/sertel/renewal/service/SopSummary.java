package id.go.kapuaskab.sertel.renewal.service;

import id.go.kapuaskab.sertel.renewal.domain.SopStep;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The admins' report of the SOP against its standard times: per month (Asia/Jakarta) and step, the number of
 * completed requests with a measured duration, the median, the 90th percentile and the share within the standard.
 */
@ApplicationScoped
public class SopSummary {

    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final int MAX_MONTHS = 36;

    /** One row of the report. */
    public record Row(String month, SopStep step, long count, double medianSeconds, double p90Seconds, double shareWithinStandard) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Row> between(YearMonth from, YearMonth to) {
        if (to.isBefore(from) || from.plusMonths(MAX_MONTHS).isBefore(to)) {
            throw DomainException.invalid("request.invalid-period", MAX_MONTHS);
        }
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                SELECT to_char(completed_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month, step, count(*),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_seconds),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY duration_seconds),
                       avg(CASE WHEN duration_seconds <= standard_seconds THEN 1.0 ELSE 0.0 END)
                FROM sop_step_duration
                WHERE completed_at >= ?1 AND completed_at < ?2
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .setParameter(1, from.atDay(1).atStartOfDay(JAKARTA).toInstant())
                .setParameter(2, to.plusMonths(1).atDay(1).atStartOfDay(JAKARTA).toInstant())
                .getResultList();
        return rows.stream().map(r -> new Row((String) r[0], SopStep.of(((Number) r[1]).intValue()), ((Number) r[2]).longValue(),
                ((Number) r[3]).doubleValue(), ((Number) r[4]).doubleValue(), ((Number) r[5]).doubleValue())).toList();
    }
}
