-- The outbox engine's tables (module sertel-outbox, OutboxSchema). Every database-backed service creates them
-- through a Flyway Java migration that runs this file; the engine owns them, services never write them directly.

-- One unit of work: written in the transaction of the state change that causes it, delivered at least once.
CREATE TABLE outbox_item (
    id                 uuid PRIMARY KEY,
    -- enqueue order; items that share an ordering key are delivered one at a time, in this order
    seq                bigserial    NOT NULL UNIQUE,
    topic              varchar(64)  NOT NULL,
    ordering_key       varchar(200),
    -- what the work is about (a request id, a delivery id), for the service's own look-ups
    reference          varchar(200),
    payload            text,
    status             varchar(8)   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'DEAD')),
    attempts           integer      NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz  NOT NULL,
    -- the worker that holds the item now, until when (renewed while it works), and since when
    lease_owner        varchar(100),
    lease_until        timestamptz,
    attempt_started_at timestamptz,
    last_error         varchar(1000),
    -- W3C trace context and X-Request-Id of the request that wrote the item, resumed when it is delivered
    trace_parent       varchar(128),
    request_id         varchar(128),
    created_at         timestamptz  NOT NULL,
    finished_at        timestamptz
);
CREATE INDEX outbox_item_due_idx ON outbox_item (next_attempt_at, seq) WHERE status = 'PENDING';
CREATE INDEX outbox_item_key_idx ON outbox_item (ordering_key, seq) WHERE status = 'PENDING' AND ordering_key IS NOT NULL;
CREATE INDEX outbox_item_reference_idx ON outbox_item (reference, created_at);
CREATE INDEX outbox_item_finished_idx ON outbox_item (finished_at) WHERE status <> 'PENDING';

-- Every attempt of every item, as it ended. ABANDONED: the worker's lease ran out before it recorded an answer
-- (it died or lost the database); the item was then taken over.
CREATE TABLE outbox_attempt (
    item_id      uuid         NOT NULL REFERENCES outbox_item (id) ON DELETE CASCADE,
    number       integer      NOT NULL,
    worker       varchar(100) NOT NULL,
    started_at   timestamptz  NOT NULL,
    finished_at  timestamptz  NOT NULL,
    outcome      varchar(10)  NOT NULL CHECK (outcome IN ('DONE', 'RETRY', 'DEAD', 'ABANDONED')),
    code         varchar(32),
    detail       varchar(1000),
    PRIMARY KEY (item_id, number)
);
