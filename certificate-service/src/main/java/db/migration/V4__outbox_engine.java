package db.migration;

import id.go.kapuaskab.sertel.outbox.OutboxSchema;

/** The tables of the one outbox engine (module sertel-outbox), in this service's own history. */
public class V4__outbox_engine extends OutboxSchema {
}
