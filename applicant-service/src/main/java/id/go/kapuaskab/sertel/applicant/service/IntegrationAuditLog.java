package id.go.kapuaskab.sertel.applicant.service;

import id.go.kapuaskab.sertel.applicant.domain.IntegrationAudit;
import id.go.kapuaskab.sertel.applicant.domain.PersonKey;
import id.go.kapuaskab.sertel.applicant.repository.IntegrationAuditRepository;
import id.go.kapuaskab.sertel.support.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The record of every person a regional system asked about or sent (table {@code integration_audit}, append-only): who
 * asked, when, about whom (applicant id; the number only masked), what was answered. Read by admins.
 */
@ApplicationScoped
public class IntegrationAuditLog {

    /** One person of one call. */
    public record Entry(int index, UUID applicantId, PersonKey person, String outcome, String detail) {
    }

    /** Where a call came from. */
    public record Call(String clientId, IntegrationAudit.Operation operation, UUID batchId, String requestId) {
    }

    private final IntegrationAuditRepository audit;
    private final Clock clock;

    IntegrationAuditLog(IntegrationAuditRepository audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes in the caller's transaction: the record commits with the change it tells about. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void write(Call call, Entry entry) {
        IntegrationAudit a = new IntegrationAudit();
        a.occurredAt = clock.instant();
        a.clientId = call.clientId();
        a.operation = call.operation();
        a.batchId = call.batchId();
        a.requestId = call.requestId() == null || call.requestId().length() > 100 ? null : call.requestId();
        a.itemIndex = entry.index();
        a.applicantId = entry.applicantId();
        a.person = entry.person().masked();
        a.outcome = entry.outcome();
        a.detail = entry.detail() == null || entry.detail().length() <= 500 ? entry.detail() : entry.detail().substring(0, 500);
        audit.persist(a);
    }

    /** Writes in a transaction of its own: for what was answered without a change (lookups, refusals, dry runs). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void writeAll(Call call, Collection<Entry> entries) {
        entries.forEach(e -> write(call, e));
    }

    /** Newest first; {@code from}/{@code to} default to the last 30 days; pages of at most 100. */
    @Transactional
    public List<IntegrationAudit> read(Collection<IntegrationAudit.Operation> operations, String clientId, Instant from, Instant to,
                                       int page, int size) {
        Instant end = to == null ? clock.instant().plusSeconds(1) : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) {
            throw DomainException.invalidField("from", "period.order", "from");
        }
        if (page < 0 || page > 10_000 || size < 1 || size > 100) {
            throw DomainException.invalidField(size < 1 || size > 100 ? "size" : "page", "page.bounds", 100);
        }
        return audit.page(operations, clientId == null || clientId.isBlank() ? null : clientId.strip(), start, end, page, size);
    }
}
