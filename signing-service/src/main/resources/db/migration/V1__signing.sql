-- signing-service: holders' signing keys kept for them (only ever stored wrapped under their passphrase), what
-- happened to each key, and every signature made.

-- One key per row. private_key_wrapped is AES-256-GCM over the PKCS#8 key, under a key derived from the holder's
-- passphrase with Argon2id (kdf_* columns, salt per key); the AAD binds key id and holder id. No passphrase and no
-- plain key is ever stored.
CREATE TABLE signing_key (
    id                   uuid         PRIMARY KEY,
    request_id           uuid         NOT NULL UNIQUE,
    holder_id            uuid         NOT NULL,
    institution_id       uuid         NOT NULL,
    key_type             varchar(16)  NOT NULL,
    public_key           bytea        NOT NULL,
    key_fingerprint      char(64)     NOT NULL UNIQUE,
    private_key_wrapped  bytea        NOT NULL,
    wrap_nonce           bytea        NOT NULL,
    kdf_salt             bytea        NOT NULL,
    kdf_memory_kib       integer      NOT NULL,
    kdf_iterations       integer      NOT NULL,
    kdf_parallelism      integer      NOT NULL,
    csr                  bytea        NOT NULL,
    status               varchar(24)  NOT NULL CHECK (status IN ('AWAITING_CERTIFICATE', 'ACTIVE', 'LOCKED')),
    failed_attempts      integer      NOT NULL DEFAULT 0,
    locked_at            timestamptz,
    certificate          bytea,
    chain_pem            text,
    certificate_serial   varchar(40),
    not_before           timestamptz,
    not_after            timestamptz,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    version              bigint       NOT NULL DEFAULT 0
);
CREATE INDEX signing_key_holder_idx ON signing_key (holder_id, created_at DESC);
CREATE INDEX signing_key_institution_idx ON signing_key (institution_id, created_at DESC);

-- Append-only history of each key: created, certificate bound, wrong passphrase, locked, unlocked (by whom, why),
-- passphrase changed. Never a passphrase.
CREATE TABLE signing_key_event (
    id           bigserial    PRIMARY KEY,
    key_id       uuid         NOT NULL REFERENCES signing_key (id),
    occurred_at  timestamptz  NOT NULL,
    actor        varchar(128) NOT NULL,
    action       varchar(32)  NOT NULL,
    reason       varchar(1000)
);
CREATE INDEX signing_key_event_key_idx ON signing_key_event (key_id, occurred_at);

-- Every signature made: what was signed (its SHA-256, before and after), by whose key, on whose behalf, through
-- which client, when, and with which certificate and time-stamp.
CREATE TABLE signature_record (
    id                  uuid         PRIMARY KEY,
    key_id              uuid         NOT NULL REFERENCES signing_key (id),
    holder_id           uuid         NOT NULL,
    institution_id      uuid         NOT NULL,
    signed_by           varchar(128) NOT NULL,
    client_id           varchar(128),
    document_sha256     char(64)     NOT NULL,
    signed_sha256       char(64)     NOT NULL,
    certificate_serial  varchar(40)  NOT NULL,
    signed_at           timestamptz  NOT NULL,
    timestamp_time      timestamptz  NOT NULL,
    tsa_serial          varchar(40)  NOT NULL,
    level               varchar(24)  NOT NULL,
    visible             boolean      NOT NULL
);
CREATE INDEX signature_record_holder_idx ON signature_record (holder_id, signed_at DESC);
CREATE INDEX signature_record_institution_idx ON signature_record (institution_id, signed_at DESC);
CREATE INDEX signature_record_client_idx ON signature_record (client_id, signed_at DESC);
