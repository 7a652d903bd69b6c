-- certificate-service: the CA's inventory, its issuance intents, CRL state per CA, and the audit trail.

-- One row per CA we run (root and issuing). The row lock on it serialises CRL signing across replicas.
CREATE TABLE ca_authority (
    name              varchar(64) PRIMARY KEY,
    role              varchar(8)  NOT NULL CHECK (role IN ('ROOT', 'ISSUING')),
    certificate       bytea       NOT NULL,
    crl_number        bigint      NOT NULL DEFAULT 0,
    crl               bytea,
    crl_this_update   timestamptz,
    crl_next_update   timestamptz
);

-- Every certificate we issued. status holds ACTIVE, SUPERSEDED, SUSPENDED or REVOKED; EXPIRED is computed.
CREATE TABLE certificate (
    serial                 varchar(40)  PRIMARY KEY,
    ca_name                varchar(64)  NOT NULL REFERENCES ca_authority (name),
    request_id             uuid         NOT NULL UNIQUE,
    holder_id              uuid         NOT NULL,
    institution_id         uuid         NOT NULL,
    profile                varchar(64)  NOT NULL,
    subject_dn             varchar(1024) NOT NULL,
    common_name            varchar(200) NOT NULL,
    email                  varchar(254) NOT NULL,
    key_type               varchar(16)  NOT NULL,
    key_fingerprint        char(64)     NOT NULL,
    key_generated          boolean      NOT NULL,
    not_before             timestamptz  NOT NULL,
    not_after              timestamptz  NOT NULL,
    status                 varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUPERSEDED', 'SUSPENDED', 'REVOKED')),
    der                    bytea        NOT NULL,
    predecessor_serial     varchar(40),
    successor_serial       varchar(40),
    revoked_at             timestamptz,
    revocation_reason      varchar(32),
    invalidity_date        timestamptz,
    revocation_request_id  uuid,
    created_at             timestamptz  NOT NULL,
    version                bigint       NOT NULL DEFAULT 0
);
-- a key is certified once, by anyone: a renewal needs a new key
CREATE UNIQUE INDEX certificate_key_uk ON certificate (key_fingerprint);
CREATE INDEX certificate_holder_idx ON certificate (holder_id, created_at DESC);
CREATE INDEX certificate_institution_idx ON certificate (institution_id, created_at DESC);
CREATE INDEX certificate_created_idx ON certificate (created_at DESC);
-- the notification service's keyset walk over ACTIVE certificates by (not_after, serial)
CREATE INDEX certificate_expiring_idx ON certificate (not_after, serial) WHERE status = 'ACTIVE';
-- CRL building reads only these
CREATE INDEX certificate_revoked_idx ON certificate (ca_name) WHERE status IN ('REVOKED', 'SUSPENDED');

-- The intent of one approved request (the idempotency key): recorded with its reserved serial before signing.
CREATE TABLE issuance (
    request_id     uuid        PRIMARY KEY,
    content_hash   char(64)    NOT NULL,
    serial         varchar(40) NOT NULL UNIQUE,
    state          varchar(8)  NOT NULL CHECK (state IN ('INTENT', 'ISSUED')),
    key_generated  boolean     NOT NULL,
    created_at     timestamptz NOT NULL,
    completed_at   timestamptz
);

-- Append-only trail of every CA decision: intents, issuances, refusals, revocations, CRLs. No NIK, no keys.
CREATE TABLE audit_event (
    id            bigserial    PRIMARY KEY,
    occurred_at   timestamptz  NOT NULL,
    actor         varchar(128) NOT NULL,
    action        varchar(32)  NOT NULL,
    outcome       varchar(16)  NOT NULL,
    request_id    uuid,
    serial        varchar(40),
    problem_code  varchar(80),
    detail        varchar(1000)
);
CREATE INDEX audit_event_request_idx ON audit_event (request_id);
CREATE INDEX audit_event_serial_idx ON audit_event (serial);
