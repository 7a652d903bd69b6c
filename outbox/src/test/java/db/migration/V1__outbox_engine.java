package db.migration;

import id.go.kapuaskab.sertel.outbox.OutboxSchema;

/** The engine's tables, as every service creates them. */
public class V1__outbox_engine extends OutboxSchema {
}
