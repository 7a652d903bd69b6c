package id.go.kapuaskab.sertel.certificate.service;

import id.go.kapuaskab.sertel.audit.AuditEntry;
import id.go.kapuaskab.sertel.audit.AuditTrail;
import id.go.kapuaskab.sertel.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The CA's audit trail, on the shared tamper-evident chain (module sertel-audit). {@link #inTransaction} writes with
 * the caller's transaction, so the record commits exactly when what it describes does, in the same statement count
 * as before the chain (one insert); {@link #now} commits on its own, for refusals whose transaction rolls back.
 * A record's subject is the serial, its reference the request id; a {@code null} caller is the public (the TSA).
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("sertel.audit");

    private final AuditTrail trail;

    AuditLog(AuditTrail trail) {
        this.trail = trail;
    }

    public void inTransaction(Caller caller, String action, String outcome, UUID requestId, String serial, String problemCode, String detail) {
        trail.append(entry(caller, action, outcome, requestId, serial, problemCode, detail));
        log(caller, action, outcome, requestId, serial, problemCode);
    }

    /**
     * A record that a statement of the caller's writes ({@link AuditTrail#stage}) when its member {@code guard} returns
     * a row; {@link Staged#settle} it after the statement.
     */
    public Staged stage(Caller caller, String action, String outcome, UUID requestId, String serial, String problemCode, String detail,
                        String guard) {
        return new Staged(trail.stage(entry(caller, action, outcome, requestId, serial, problemCode, detail), guard),
                () -> log(caller, action, outcome, requestId, serial, problemCode));
    }

    /** A staged record: {@link #part} goes into the statement. */
    public static final class Staged {
        private final AuditTrail.Staged part;
        private final Runnable log;

        private Staged(AuditTrail.Staged part, Runnable log) {
            this.part = part;
            this.log = log;
        }

        public AuditTrail.Staged part() {
            return part;
        }

        /** After a statement whose guard returned a row: the record appended if the statement could not, and logged. */
        public void settle() {
            part.ensureWritten();
            log.run();
        }
    }

    public void now(Caller caller, String action, String outcome, UUID requestId, String serial, String problemCode, String detail) {
        trail.appendNow(entry(caller, action, outcome, requestId, serial, problemCode, detail));
        log(caller, action, outcome, requestId, serial, problemCode);
    }

    private static AuditEntry entry(Caller caller, String action, String outcome, UUID requestId, String serial, String problemCode,
                                    String detail) {
        AuditEntry e = AuditEntry.of(action, outcome).subject(serial).reference(requestId).detail("problem", problemCode).detail("note", detail);
        return caller == null ? e.actor("public", null) : e.actor(caller);
    }

    private static void log(Caller caller, String action, String outcome, UUID requestId, String serial, String problemCode) {
        LOG.infof("%s %s by %s request=%s serial=%s%s", action, outcome, caller == null ? "public" : caller.describe(), requestId, serial,
                problemCode == null ? "" : " problem=" + problemCode);
    }
}
