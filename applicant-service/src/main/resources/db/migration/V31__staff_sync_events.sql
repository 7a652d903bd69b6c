-- Issue 16, staff sync idempotent by the staffing system's event id: the first result of every event a client sent
-- (successful ones only: a refused event may be sent again once the cause is gone). A replay of the same event answers
-- this result and changes nothing, also after a verifier decided since; the same event id with other content is refused.
-- fingerprint: SHA-256 of the item as sent (never the numbers themselves).
CREATE TABLE staff_sync_event (
    client_id       varchar(40)  NOT NULL REFERENCES integration_client (id),
    event_id        varchar(100) NOT NULL,
    fingerprint     char(64)     NOT NULL,
    outcome         varchar(32),
    applicant_id    uuid,
    data_change_id  uuid,
    changed_fields  varchar(300) NOT NULL DEFAULT '',
    revocation_request_id uuid,
    processed_at    timestamptz  NOT NULL,
    PRIMARY KEY (client_id, event_id)
);
