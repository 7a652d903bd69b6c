-- The delivery log: every message the service sends or decides not to send, with its status and attempts.
CREATE TABLE delivery (
    id                    uuid PRIMARY KEY,
    kind                  varchar(32)  NOT NULL,
    recipient_account_id  uuid,
    recipient_email       varchar(254) NOT NULL,
    language              varchar(2)   NOT NULL CHECK (language IN ('id', 'en')),
    subject               varchar(300) NOT NULL,
    status                varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'RETRYING', 'FAILED', 'SKIPPED')),
    attempts              integer      NOT NULL DEFAULT 0,
    certificate_serial    varchar(64),
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    sent_at               timestamptz
);
-- an applicant's own messages, newest first
CREATE INDEX delivery_recipient_idx ON delivery (recipient_account_id, created_at DESC);
-- the admin's log by status and date
CREATE INDEX delivery_status_idx ON delivery (status, created_at DESC);
