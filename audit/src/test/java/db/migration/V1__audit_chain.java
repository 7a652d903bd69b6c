package db.migration;

import id.go.kapuaskab.sertel.audit.AuditSchema;

/** The trail's tables in the test application's history. */
public class V1__audit_chain extends AuditSchema {
}
