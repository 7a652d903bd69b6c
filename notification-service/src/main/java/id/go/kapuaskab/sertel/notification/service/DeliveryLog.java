package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.repository.DeliveryRepository;
import id.go.kapuaskab.sertel.notification.repository.DeliveryStore;
import id.go.kapuaskab.sertel.outbox.Outbox;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import id.go.kapuaskab.sertel.support.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reading the delivery log (applicants their own messages, admins every message) and an admin's resend. */
@ApplicationScoped
public class DeliveryLog {

    private final DeliveryRepository deliveries;
    private final DeliveryStore store;
    private final Outbox outbox;
    private final Clock clock;

    DeliveryLog(DeliveryRepository deliveries, DeliveryStore store, Outbox outbox, Clock clock) {
        this.deliveries = deliveries;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A message with its attempts (the outbox's record of them), oldest attempt first. */
    public record Entry(Delivery delivery, List<Outbox.Attempt> attempts) {
    }

    public record Page(List<Entry> items, int offset, int limit, long total) {
    }

    @Transactional
    public Page list(Caller caller, Optional<DeliveryStatus> status, Optional<Instant> from, Optional<Instant> to,
                     Optional<String> certificate, int offset, int limit) {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw DomainException.invalid("notification.invalid-range");
        }
        Optional<UUID> recipient = caller.isAdmin() ? Optional.empty() : Optional.of(caller.accountId());
        PanacheQuery<Delivery> query = deliveries.matching(new DeliveryRepository.Filter(recipient, status, from, to, certificate));
        List<Delivery> page = query.range(offset, offset + limit - 1).list();
        Map<UUID, List<Outbox.Attempt>> attempts = outbox.attempts(page.stream().map(d -> d.id).toList());
        return new Page(page.stream().map(d -> new Entry(d, attempts.getOrDefault(d.id, List.of()))).toList(), offset, limit, query.count());
    }

    /** One message; someone else's is reported as not found, so its existence is not revealed. */
    @Transactional
    public Entry get(Caller caller, UUID id) {
        Delivery d = deliveries.findByIdOptional(id)
                .filter(x -> caller.isAdmin() || caller.accountId().equals(x.recipientAccountId))
                .orElseThrow(() -> DomainException.notFound("notification.not-found"));
        return new Entry(d, outbox.attempts(List.of(d.id)).getOrDefault(d.id, List.of()));
    }

    /** Queues a copy of a message for sending again; the original and its attempts stay as they were. */
    public Entry resend(UUID id) {
        Instant now = clock.instant();
        Delivery copy = QuarkusTransaction.requiringNew().call(() -> {
            Delivery original = deliveries.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("notification.not-found"));
            if (original.recipientEmail == null || original.subject == null || original.bodyText == null) {
                throw DomainException.conflict("notification.not-resendable").with("currentStatus", original.status);
            }
            Delivery d = Delivery.pending(original.kind, null, now)
                    .to(original.recipientAccountId, original.recipientEmail, original.language);
            d.subject = original.subject;
            d.bodyText = original.bodyText;
            d.bodyHtml = original.bodyHtml;
            d.certificateSerial = original.certificateSerial;
            d.thresholdDays = original.thresholdDays;
            d.requestId = original.requestId;
            d.resendOf = original.id;
            store.add(d);
            return d;
        });
        return new Entry(copy, List.of());
    }
}
