package id.go.kapuaskab.sertel.notification.repository;

import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    public PanacheQuery<Delivery> ofRecipient(UUID accountId, Optional<DeliveryStatus> status) {
        return status.map(s -> find("recipientAccountId = :r and status = :s", Sort.descending("createdAt"),
                        Parameters.with("r", accountId).and("s", s)))
                .orElseGet(() -> find("recipientAccountId = :r", Sort.descending("createdAt"), Parameters.with("r", accountId)));
    }

    public PanacheQuery<Delivery> everything(Optional<DeliveryStatus> status) {
        return status.map(s -> find("status", Sort.descending("createdAt"), s))
                .orElseGet(() -> findAll(Sort.descending("createdAt")));
    }
}
