package db.migration;

import id.go.kapuaskab.sertel.audit.AuditSchema;

/** The tables of the tamper-evident audit trail (module sertel-audit), in this service's own history. */
public class V20__audit_chain extends AuditSchema {
}
