package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.certificate.domain.AuditEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The CA's audit trail. {@link #inTransaction} writes with the caller's transaction, so the entry commits exactly
 * when what it describes does; {@link #now} commits on its own, for refusals whose transaction rolls back.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("sertel.audit");

    private final EntityManager em;
    private final Clock clock;

    AuditLog(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public void inTransaction(String actor, String action, String outcome, UUID requestId, String serial, String problemCode, String detail) {
        AuditEvent e = new AuditEvent();
        e.occurredAt = clock.instant();
        e.actor = truncate(actor, 128);
        e.action = action;
        e.outcome = outcome;
        e.requestId = requestId;
        e.serial = serial;
        e.problemCode = problemCode;
        e.detail = truncate(detail, 1000);
        em.persist(e);
        LOG.infof("%s %s by %s request=%s serial=%s%s", action, outcome, e.actor, requestId, serial,
                problemCode == null ? "" : " problem=" + problemCode);
    }

    public void now(String actor, String action, String outcome, UUID requestId, String serial, String problemCode, String detail) {
        QuarkusTransaction.requiringNew().run(() -> inTransaction(actor, action, outcome, requestId, serial, problemCode, detail));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
