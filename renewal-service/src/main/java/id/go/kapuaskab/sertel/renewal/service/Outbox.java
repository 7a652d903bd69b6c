package id.go.kapuaskab.sertel.renewal.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.sertel.renewal.domain.CertificateRequest;
import id.go.kapuaskab.sertel.renewal.domain.EventType;
import id.go.kapuaskab.sertel.renewal.domain.OutboxKind;
import id.go.kapuaskab.sertel.renewal.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes work into the transactional outbox, in the caller's transaction: the state change and the work it
 * causes commit together or not at all. After the commit the workers are woken.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_KEY = new Object();

    private final OutboxRepository entries;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSignal signal;
    private final ObjectMapper mapper;
    private final Clock clock;

    Outbox(OutboxRepository entries, TransactionSynchronizationRegistry transactions, OutboxSignal signal, ObjectMapper mapper,
           Clock clock) {
        this.entries = entries;
        this.transactions = transactions;
        this.signal = signal;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Asks the CA to issue (CSR) or to revoke for this request, once, whatever happens to this replica. */
    public void caWork(CertificateRequest r) {
        entries.insert(UUID.randomUUID(), r.type.name().equals("REVOCATION") ? OutboxKind.CA_REVOKE : OutboxKind.CA_ISSUE, r.id, null);
        wakeAfterCommit();
    }

    /** A workflow event for notification-service; its outbox id is its {@code eventId}. */
    public void event(CertificateRequest r, EventType type) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", id);
        body.put("type", type.name());
        body.put("occurredAt", clock.instant());
        body.put("requestId", r.id);
        body.put("requestType", r.type.name());
        body.put("applicantId", r.applicantId);
        body.put("institutionId", r.institutionId);
        body.put("reason", type == EventType.REQUEST_RETURNED || type == EventType.REQUEST_REJECTED
                || type == EventType.REQUEST_CANCELLED ? r.reason : null);
        boolean completed = type == EventType.REQUEST_COMPLETED;
        body.put("certificateSerial", completed ? (r.issuedSerial != null ? r.issuedSerial : r.certificateSerial) : null);
        body.put("notBefore", completed ? r.issuedNotBefore : null);
        body.put("notAfter", completed ? r.issuedNotAfter : null);
        try {
            entries.insert(id, OutboxKind.EVENT, r.id, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        wakeAfterCommit();
    }

    private void wakeAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    signal.wake();
                }
            }
        });
    }
}
