-- Expiry reminders exactly once, the outbox the mail workers drain, and every attempt of every message.

-- A delivery is also the outbox row: its rendered content is stored with it, so sending needs nothing else
-- and a resend repeats exactly what was sent. Skipped deliveries may have no recipient or subject.
ALTER TABLE delivery ALTER COLUMN recipient_email DROP NOT NULL;
ALTER TABLE delivery ALTER COLUMN subject DROP NOT NULL;
ALTER TABLE delivery
    ADD COLUMN dedup_key        varchar(200),
    ADD COLUMN body_text        text,
    ADD COLUMN body_html        text,
    ADD COLUMN threshold_days   integer,
    ADD COLUMN due_at           timestamptz,
    ADD COLUMN request_id       uuid,
    ADD COLUMN event_id         uuid,
    ADD COLUMN resend_of        uuid REFERENCES delivery (id),
    ADD COLUMN next_attempt_at  timestamptz,
    ADD COLUMN lease_until      timestamptz,
    ADD COLUMN reason           varchar(64),
    ADD COLUMN last_error       varchar(500);

-- one message per reminder threshold, workflow event recipient and one-off message id
CREATE UNIQUE INDEX delivery_dedup_key_idx ON delivery (dedup_key);
-- the outbox: due rows, and rows whose worker lost its lease
CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING');
CREATE INDEX delivery_leased_idx ON delivery (lease_until) WHERE status = 'SENDING';
-- the admin's log by certificate
CREATE INDEX delivery_certificate_idx ON delivery (certificate_serial, created_at DESC);
CREATE INDEX delivery_created_idx ON delivery (created_at DESC);

-- Every SMTP attempt: written IN_FLIGHT before the message leaves, completed after the server answers.
-- An IN_FLIGHT row whose worker died becomes UNKNOWN when another worker takes the message over.
CREATE TABLE delivery_attempt (
    id           uuid PRIMARY KEY,
    delivery_id  uuid         NOT NULL REFERENCES delivery (id),
    number       integer      NOT NULL,
    worker       varchar(100) NOT NULL,
    started_at   timestamptz  NOT NULL,
    finished_at  timestamptz,
    outcome      varchar(16)  NOT NULL CHECK (outcome IN ('IN_FLIGHT', 'SENT', 'TRANSIENT', 'PERMANENT', 'SKIPPED', 'UNKNOWN')),
    smtp_code    integer,
    detail       varchar(500),
    UNIQUE (delivery_id, number)
);

-- The reminder ledger: one decision per (certificate, threshold), taken in the same transaction that
-- enqueues the message. The primary key is what makes a reminder exactly-once across replicas.
CREATE TABLE reminder_ledger (
    certificate_serial  varchar(64) NOT NULL,
    threshold_days      integer     NOT NULL,
    holder_id           uuid,
    not_after           timestamptz NOT NULL,
    due_at              timestamptz NOT NULL,
    outcome             varchar(16) NOT NULL CHECK (outcome IN ('QUEUED', 'SKIPPED')),
    reason              varchar(64),
    delivery_id         uuid REFERENCES delivery (id) DEFERRABLE INITIALLY DEFERRED,
    decided_at          timestamptz NOT NULL,
    PRIMARY KEY (certificate_serial, threshold_days)
);
CREATE INDEX reminder_ledger_not_after_idx ON reminder_ledger (not_after);

-- Workflow events already handled (renewal-service's outbox delivers at least once).
CREATE TABLE inbound_event (
    event_id     uuid PRIMARY KEY,
    type         varchar(32) NOT NULL,
    request_id   uuid,
    received_at  timestamptz NOT NULL,
    deliveries   integer     NOT NULL
);
