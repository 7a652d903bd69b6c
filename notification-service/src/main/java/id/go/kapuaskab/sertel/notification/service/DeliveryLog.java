package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.repository.DeliveryRepository;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Reading the delivery log: applicants their own messages, admins every message. */
@ApplicationScoped
public class DeliveryLog {

    private final DeliveryRepository deliveries;

    DeliveryLog(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    public record Page(List<Delivery> items, int offset, int limit, long total) {
    }

    public Page list(Caller caller, Optional<DeliveryStatus> status, int offset, int limit) {
        PanacheQuery<Delivery> query = caller.isAdmin() ? deliveries.everything(status) : deliveries.ofRecipient(caller.accountId(), status);
        return new Page(query.range(offset, offset + limit - 1).list(), offset, limit, query.count());
    }
}
