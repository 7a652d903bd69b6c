package id.go.kapuaskab.sertel.notification.service;

import id.go.kapuaskab.sertel.notification.client.ApplicantClient;
import id.go.kapuaskab.sertel.notification.client.CertificateClient;
import id.go.kapuaskab.sertel.notification.client.CertificateState;
import id.go.kapuaskab.sertel.notification.client.ExpiringPage;
import id.go.kapuaskab.sertel.notification.client.Holder;
import id.go.kapuaskab.sertel.notification.config.ReminderConfig;
import id.go.kapuaskab.sertel.notification.domain.Delivery;
import id.go.kapuaskab.sertel.notification.domain.DeliveryKind;
import id.go.kapuaskab.sertel.notification.domain.DeliveryStatus;
import id.go.kapuaskab.sertel.notification.domain.EventType;
import id.go.kapuaskab.sertel.notification.domain.IntegrationEvent;
import id.go.kapuaskab.sertel.notification.repository.ReminderLedger;
import id.go.kapuaskab.sertel.notification.repository.ReminderLedger.Decision;
import id.go.kapuaskab.sertel.notification.repository.ReminderLedger.Known;
import id.go.kapuaskab.sertel.notification.service.ReminderWindows.Window;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One reminder run: for each threshold, the certificates in today's window of it (read page by page from
 * certificate-service's expiring view) that have no decision yet get one: a message in the outbox, or a recorded
 * skip. Certificates this service reminded before that the view no longer lists (renewed, revoked, suspended) get
 * a recorded skip. Decisions and messages are committed together per page (see {@link ReminderLedger}); sending
 * happens after the commit, in {@link MailDelivery}. Each reminder queued is also a {@code certificate.expiring}
 * integration event for webhook subscribers, in the same transaction (one per certificate and threshold). Safe to
 * run any number of times and on every replica.
 */
@ApplicationScoped
public class ReminderPlanner {

    private static final Logger LOG = Logger.getLogger(ReminderPlanner.class);
    private static final String KIND = DeliveryKind.EXPIRY_REMINDER.name();

    /** What a run did. {@code complete} is false when a peer failed and part of the work is left for the next run. */
    public record Summary(Instant startedAt, Instant finishedAt, int examined, int queued, int skipped, int alreadyDecided,
                          boolean complete) {
    }

    private final CertificateClient certificates;
    private final ApplicantClient applicants;
    private final ReminderLedger ledger;
    private final MailComposer composer;
    private final NotificationMetrics metrics;
    private final ReminderWindows windows;
    private final IntegrationEvents integration;
    private final int pageSize;
    private final Clock clock;

    ReminderPlanner(CertificateClient certificates, ApplicantClient applicants, ReminderLedger ledger, MailComposer composer,
                    NotificationMetrics metrics, IntegrationEvents integration, ReminderConfig config, Clock clock) {
        this.certificates = certificates;
        this.applicants = applicants;
        this.ledger = ledger;
        this.composer = composer;
        this.metrics = metrics;
        this.integration = integration;
        this.windows = new ReminderWindows(config.thresholds(), config.timeZone());
        this.pageSize = Math.min(1000, Math.max(1, config.pageSize()));
        this.clock = clock;
    }

    public Summary run() {
        Instant now = clock.instant();
        Tally tally = new Tally();
        Map<UUID, Optional<Holder>> holders = new HashMap<>();
        boolean complete = true;
        for (Window window : windows.on(windows.today(now))) {
            try {
                Set<String> listed = planListed(window, now, holders, tally);
                skipSettled(window, now, listed, tally);
            } catch (RuntimeException e) {
                complete = false;
                LOG.warnf("Reminder run: threshold %d days left unfinished (%s); the next run continues", window.days(), e.toString());
            }
        }
        Summary summary = new Summary(now, clock.instant(), tally.examined, tally.queued, tally.skipped, tally.alreadyDecided, complete);
        LOG.infof("Reminder run: %s", summary);
        return summary;
    }

    private Set<String> planListed(Window window, Instant now, Map<UUID, Optional<Holder>> holders, Tally tally) {
        Set<String> listed = new HashSet<>();
        String cursor = null;
        do {
            ExpiringPage page = certificates.expiring(window.from(), window.to(), cursor, pageSize);
            List<ExpiringPage.Item> items = page.items() == null ? List.of() : page.items();
            items.forEach(i -> listed.add(i.serial()));
            tally.examined += items.size();
            Set<String> decided = ledger.decided(window.days(), items.stream().map(ExpiringPage.Item::serial).toList());
            List<Decision> decisions = new ArrayList<>();
            Map<String, UUID> institutions = new HashMap<>();
            for (ExpiringPage.Item item : items) {
                institutions.put(item.serial(), item.institutionId());
                if (decided.contains(item.serial())) {
                    tally.alreadyDecided++;
                    continue;
                }
                Optional<Holder> holder = holders.computeIfAbsent(item.holderId(), applicants::applicant);
                decisions.add(holder.filter(h -> h.email() != null && !h.email().isBlank())
                        .map(h -> queue(item, window.days(), h, now))
                        .orElseGet(() -> skip(item.serial(), item.holderId(), item.notAfter(), window.days(), "HOLDER_UNKNOWN", now)));
            }
            commit(decisions, institutions, now, tally);
            cursor = page.next();
        } while (cursor != null);
        return listed;
    }

    /** Certificates reminded before that the view no longer lists: find out why, and record the skip once. */
    private void skipSettled(Window window, Instant now, Set<String> listed, Tally tally) {
        List<Decision> decisions = new ArrayList<>();
        for (Known known : ledger.knownWithout(window.days(), window.from(), window.to())) {
            if (listed.contains(known.serial())) {
                continue;
            }
            Optional<CertificateState> state = certificates.find(known.serial());
            String reason = state.map(CertificateState::settledReason).orElse("CERTIFICATE_UNKNOWN");
            if (state.isEmpty() || state.get().isSettled()) {
                decisions.add(skip(known.serial(), known.holderId(), known.notAfter(), window.days(), reason, now));
            }
        }
        commit(decisions, Map.of(), now, tally);
    }

    private void commit(List<Decision> decisions, Map<String, UUID> institutions, Instant now, Tally tally) {
        if (decisions.isEmpty()) {
            return;
        }
        List<Decision> won = QuarkusTransaction.requiringNew().call(() -> {
            List<Decision> recorded = ledger.record(decisions, now);
            for (Decision d : recorded) {
                UUID institution = institutions.get(d.serial());
                if (d.delivery().status == DeliveryStatus.PENDING && institution != null) {
                    integration.fanOut(expiring(d, institution), IntegrationEvents.SELF);
                }
            }
            return recorded;
        });
        tally.alreadyDecided += decisions.size() - won.size();
        int queued = 0;
        for (Decision d : won) {
            if (d.delivery().status == DeliveryStatus.PENDING) {
                queued++;
            } else {
                metrics.skipped(KIND);
                tally.skipped++;
            }
        }
        tally.queued += queued;
        if (queued > 0) {
            metrics.due(queued);
        }
    }

    private Decision queue(ExpiringPage.Item item, int days, Holder holder, Instant now) {
        String lang = holder.lang();
        long daysLeft = windows.daysLeft(now, item.notAfter());
        Delivery d = Delivery.pending(KIND, dedupKey(item.serial(), days), now)
                .to(holder.id() == null ? item.holderId() : holder.id(), holder.email(), lang)
                .content(composer.render(DeliveryKind.EXPIRY_REMINDER, lang,
                        composer.reminder(holder.fullName(), item.serial(), item.notAfter(), daysLeft, lang, now)));
        d.certificateSerial = item.serial();
        d.thresholdDays = days;
        d.dueAt = windows.dueAt(days, item.notAfter());
        return new Decision(item.serial(), days, item.holderId(), item.notAfter(), d.dueAt, "QUEUED", null, d);
    }

    private Decision skip(String serial, UUID holderId, Instant notAfter, int days, String reason, Instant now) {
        Delivery d = Delivery.pending(KIND, dedupKey(serial, days), now).to(holderId, null, "id");
        d.status = DeliveryStatus.SKIPPED;
        d.nextAttemptAt = null;
        d.reason = reason;
        d.certificateSerial = serial;
        d.thresholdDays = days;
        d.dueAt = windows.dueAt(days, notAfter);
        return new Decision(serial, days, holderId, notAfter, d.dueAt, "SKIPPED", reason, d);
    }

    /** {@code certificate.expiring}: ids, the expiry and the threshold; its id is derived from (serial, threshold). */
    private static IntegrationEvent expiring(Decision d, UUID institutionId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serial", d.serial());
        data.put("holderId", d.holderId() == null ? null : d.holderId().toString());
        data.put("institutionId", institutionId.toString());
        data.put("notAfter", d.notAfter().toString());
        data.put("thresholdDays", d.thresholdDays());
        UUID id = UUID.nameUUIDFromBytes((EventType.CERTIFICATE_EXPIRING.wire() + ":" + d.serial() + ":" + d.thresholdDays())
                .getBytes(StandardCharsets.UTF_8));
        return new IntegrationEvent(id, EventType.CERTIFICATE_EXPIRING, d.dueAt(), d.serial(), institutionId, data);
    }

    static String dedupKey(String serial, int days) {
        return "reminder:" + serial + ":" + days;
    }

    private static final class Tally {
        int examined;
        int queued;
        int skipped;
        int alreadyDecided;
    }
}
