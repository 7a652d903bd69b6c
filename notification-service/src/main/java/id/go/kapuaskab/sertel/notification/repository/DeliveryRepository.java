package id.go.kapuaskab.sertel.notification.repository;

import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /** What to show of the log: a recipient's own messages or all, narrowed by status, creation time and certificate. */
    public record Filter(Optional<UUID> recipient, Optional<DeliveryStatus> status, Optional<Instant> from, Optional<Instant> to,
                         Optional<String> certificate) {
    }

    public PanacheQuery<Delivery> matching(Filter filter) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        filter.recipient().ifPresent(r -> {
            where.add("recipientAccountId = :recipient");
            params.and("recipient", r);
        });
        filter.status().ifPresent(s -> {
            where.add("status = :status");
            params.and("status", s);
        });
        filter.from().ifPresent(f -> {
            where.add("createdAt >= :from");
            params.and("from", f);
        });
        filter.to().ifPresent(t -> {
            where.add("createdAt < :to");
            params.and("to", t);
        });
        filter.certificate().ifPresent(c -> {
            where.add("certificateSerial = :certificate");
            params.and("certificate", c);
        });
        Sort sort = Sort.descending("createdAt").and("id");
        return where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, params);
    }
}
